// generated — do not edit. Source: specs/creatify.openapi.yml via @hey-api/openapi-ts (zod plugin), calls marked pure, split by direction.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */

import * as z from 'zod';

/**
 * Model for the avatar. `standard` costs 5 credits per 30 s (create); `aurora_v1` 1 credit per second; `aurora_v1_fast` 0.5 credit per second.
 */
export const zModelVersion = /* @__PURE__ */ z.enum([
    'standard',
    'aurora_v1',
    'aurora_v1_fast'
]);

/**
 * Body for rendering a previewed job. Creatify's page repeats the create serializer here; whether any field is read is unconfirmed.
 */
export const zRenderJobInput = /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown());

/**
 * Replaces a `{{variable}}` text placeholder.
 */
export const zTextVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.enum(['text']),
    properties: /* @__PURE__ */ z.object({
        content: /* @__PURE__ */ z.string()
    })
});

export const zMediaProperties = /* @__PURE__ */ z.object({
    url: /* @__PURE__ */ z.url()
});

/**
 * Replaces an image.
 */
export const zImageVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.enum(['image']),
    properties: zMediaProperties
});

/**
 * Replaces a video clip.
 */
export const zVideoVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.enum(['video']),
    properties: zMediaProperties
});

/**
 * Replaces the background audio.
 */
export const zAudioVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.enum(['audio']),
    properties: zMediaProperties
});

/**
 * Swaps the avatar; ids come from the personas endpoint.
 */
export const zAvatarVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.enum(['avatar']),
    properties: /* @__PURE__ */ z.object({
        avatar_id: /* @__PURE__ */ z.string()
    })
});

/**
 * Sets the voice; ids are `accents[].id` from the voices endpoint. Seen in third-party code only.
 */
export const zVoiceoverVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.enum(['voiceover']),
    properties: /* @__PURE__ */ z.object({
        voice_id: /* @__PURE__ */ z.string()
    })
});

/**
 * Escape hatch for a variable kind the API adds later. Its `type` is any value other than the six known kinds.
 */
export const zOtherVariable = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.string().regex(/^(?!(text|image|video|audio|avatar|voiceover)$).+$/),
    properties: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown())
});

/**
 * One variable's value, discriminated on `type`.
 */
export const zTemplateVariable = /* @__PURE__ */ z.union([
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
export const zTemplateVariables = /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), zTemplateVariable);

/**
 * Body for creating a job, a preview or an async preview.
 */
export const zCustomTemplateJobInput = /* @__PURE__ */ z.object({
    template_id: /* @__PURE__ */ z.uuid(),
    variables: zTemplateVariables,
    name: /* @__PURE__ */ z.string().max(255).nullish(),
    webhook_url: /* @__PURE__ */ z.url().max(200).regex(/^https?:\/\//).nullish(),
    model_version: zModelVersion.optional(),
    is_hidden: /* @__PURE__ */ z.boolean().optional()
});

export const zCustomTemplateJobsCreateBody = zCustomTemplateJobInput;

export const zCustomTemplateJobsPreviewCreateBody = zCustomTemplateJobInput;

export const zCustomTemplateJobsPreviewAsyncCreateBody = zCustomTemplateJobInput;

export const zCustomTemplateJobsRenderCreateBody = zRenderJobInput;

export const zCustomTemplateJobsRenderCreatePath = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid()
});

export const zCustomTemplateJobsRetrievePath = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid()
});

export const zCustomTemplatesRetrievePath = /* @__PURE__ */ z.object({
    template_id: /* @__PURE__ */ z.uuid()
});
