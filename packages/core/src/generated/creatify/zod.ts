// generated — do not edit. Source: specs/creatify.openapi.yml via @hey-api/openapi-ts (zod plugin).
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */

import * as z from 'zod';

/**
 * Lifecycle of a job: pending → in_queue → running → done | failed. `rejected` is also terminal.
 */
export const zJobStatus = z.enum([
    'pending',
    'in_queue',
    'running',
    'failed',
    'done',
    'rejected'
]);

/**
 * Model for the avatar. `standard` costs 5 credits per 30 s (create); `aurora_v1` 1 credit per second; `aurora_v1_fast` 0.5 credit per second.
 */
export const zModelVersion = z.enum([
    'standard',
    'aurora_v1',
    'aurora_v1_fast'
]);

/**
 * Body for rendering a previewed job. Creatify's page repeats the create serializer here; whether any field is read is unconfirmed.
 */
export const zRenderJobInput = z.record(z.string(), z.unknown());

/**
 * Replaces a `{{variable}}` text placeholder.
 */
export const zTextVariable = z.object({
    type: z.enum(['text']),
    properties: z.object({
        content: z.string()
    })
});

export const zMediaProperties = z.object({
    url: z.url()
});

/**
 * Replaces an image.
 */
export const zImageVariable = z.object({
    type: z.enum(['image']),
    properties: zMediaProperties
});

/**
 * Replaces a video clip.
 */
export const zVideoVariable = z.object({
    type: z.enum(['video']),
    properties: zMediaProperties
});

/**
 * Replaces the background audio.
 */
export const zAudioVariable = z.object({
    type: z.enum(['audio']),
    properties: zMediaProperties
});

/**
 * Swaps the avatar; ids come from the personas endpoint.
 */
export const zAvatarVariable = z.object({
    type: z.enum(['avatar']),
    properties: z.object({
        avatar_id: z.string()
    })
});

/**
 * Sets the voice; ids are `accents[].id` from the voices endpoint. Seen in third-party code only.
 */
export const zVoiceoverVariable = z.object({
    type: z.enum(['voiceover']),
    properties: z.object({
        voice_id: z.string()
    })
});

/**
 * Escape hatch for a variable kind the API adds later. Its `type` is any value other than the six known kinds.
 */
export const zOtherVariable = z.object({
    type: z.string().regex(/^(?!(text|image|video|audio|avatar|voiceover)$).+$/),
    properties: z.record(z.string(), z.unknown())
});

/**
 * One variable's value, discriminated on `type`.
 */
export const zTemplateVariable = z.union([
    zTextVariable,
    zImageVariable,
    zVideoVariable,
    zAudioVariable,
    zAvatarVariable,
    zVoiceoverVariable,
    zOtherVariable
]);

/**
 * JSON data for the custom template: a map from the template's variable name to its value. The `{type, properties}` value shape is taken from third-party code; Creatify's schema says only `object`.
 */
export const zTemplateVariables = z.record(z.string(), zTemplateVariable);

/**
 * Body for creating a job, a preview or an async preview.
 */
export const zCustomTemplateJobInput = z.object({
    template_id: z.uuid(),
    variables: zTemplateVariables,
    name: z.string().max(255).nullish(),
    webhook_url: z.url().max(200).regex(/^https?:\/\//).nullish(),
    model_version: zModelVersion.optional(),
    is_hidden: z.boolean().optional()
});

/**
 * A custom template job and, once done, its outputs.
 */
export const zCustomTemplateJob = z.object({
    id: z.uuid(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    name: z.string().max(255).nullish(),
    variables: z.record(z.string(), z.unknown()),
    media_job: z.string().nullable(),
    video_output: z.string().nullable(),
    preview: z.string().nullable(),
    editor_url: z.string().nullable(),
    failed_reason: z.string().nullable(),
    credits_used: z.int(),
    duration: z.int(),
    status: zJobStatus,
    progress: z.number(),
    webhook_url: z.url().max(200).nullish(),
    model_version: zModelVersion.optional(),
    is_hidden: z.boolean().optional()
});

/**
 * A custom template, as listed.
 */
export const zCustomTemplate = z.object({
    template_id: z.string(),
    name: z.string(),
    preview: z.string(),
    aspect_ratio: z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().optional()
});

/**
 * Definition of one template variable. Creatify's schema for this object was not captured; this is the minimum reelkit relies on.
 */
export const zVariableDetail = z.object({
    type: z.string(),
    required: z.boolean().optional(),
    default: z.string().nullish()
});

/**
 * A custom template with the definitions of its variables.
 */
export const zCustomTemplateDetail = z.object({
    template_id: z.string(),
    name: z.string(),
    preview: z.string(),
    aspect_ratio: z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().optional(),
    variables: z.record(z.string(), zVariableDetail)
});

/**
 * DRF validation error body.
 */
export const zValidationError = z.union([
    z.array(z.string()),
    z.record(z.string(), z.union([
        z.array(z.string()),
        z.string()
    ]))
]);

/**
 * DRF error body for authentication, permission and not-found errors.
 */
export const zDetailError = z.object({
    detail: z.string(),
    code: z.string().optional()
});

/**
 * A UUID string identifying this Custom Template Job.
 */
export const zJobId = z.uuid();

export const zCustomTemplateJobsCreateBody = zCustomTemplateJobInput;

/**
 * The job was created.
 */
export const zCustomTemplateJobsCreateResponse = zCustomTemplateJob;

export const zCustomTemplateJobsPreviewCreateBody = zCustomTemplateJobInput;

/**
 * The job with its preview.
 */
export const zCustomTemplateJobsPreviewCreateResponse = zCustomTemplateJob;

export const zCustomTemplateJobsPreviewAsyncCreateBody = zCustomTemplateJobInput;

/**
 * The preview job was created.
 */
export const zCustomTemplateJobsPreviewAsyncCreateResponse = zCustomTemplateJob;

export const zCustomTemplateJobsRenderCreateBody = zRenderJobInput;

export const zCustomTemplateJobsRenderCreatePath = z.object({
    id: z.uuid()
});

/**
 * The job, now rendering.
 */
export const zCustomTemplateJobsRenderCreateResponse = zCustomTemplateJob;

export const zCustomTemplateJobsRetrievePath = z.object({
    id: z.uuid()
});

/**
 * The job.
 */
export const zCustomTemplateJobsRetrieveResponse = zCustomTemplateJob;

/**
 * The templates.
 */
export const zCustomTemplatesListResponse = z.array(zCustomTemplate);

export const zCustomTemplatesRetrievePath = z.object({
    template_id: z.uuid()
});

/**
 * The template.
 */
export const zCustomTemplatesRetrieveResponse = zCustomTemplateDetail;
