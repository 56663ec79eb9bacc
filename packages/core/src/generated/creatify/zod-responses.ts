// generated — do not edit. Source: specs/creatify.openapi.yml via @hey-api/openapi-ts (zod plugin), calls marked pure, split by direction.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */

import * as z from 'zod';
import { zModelVersion } from './zod-requests.js';

/**
 * Lifecycle of a job: pending → in_queue → running → done | failed. `rejected` is also terminal.
 */
export const zJobStatus = /* @__PURE__ */ z.enum([
    'pending',
    'in_queue',
    'running',
    'failed',
    'done',
    'rejected'
]);

/**
 * A custom template job and, once done, its outputs.
 */
export const zCustomTemplateJob = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    name: /* @__PURE__ */ z.string().max(255).nullish(),
    variables: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()),
    media_job: /* @__PURE__ */ z.string().nullable(),
    video_output: /* @__PURE__ */ z.string().nullable(),
    preview: /* @__PURE__ */ z.string().nullable(),
    editor_url: /* @__PURE__ */ z.string().nullable(),
    failed_reason: /* @__PURE__ */ z.string().nullable(),
    credits_used: /* @__PURE__ */ z.int(),
    duration: /* @__PURE__ */ z.int(),
    status: zJobStatus,
    progress: /* @__PURE__ */ z.number(),
    webhook_url: /* @__PURE__ */ z.url().max(200).nullish(),
    model_version: zModelVersion.optional(),
    is_hidden: /* @__PURE__ */ z.boolean().optional()
});

/**
 * A custom template, as listed.
 */
export const zCustomTemplate = /* @__PURE__ */ z.object({
    template_id: /* @__PURE__ */ z.string(),
    name: /* @__PURE__ */ z.string(),
    preview: /* @__PURE__ */ z.string(),
    aspect_ratio: /* @__PURE__ */ z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().optional()
});

/**
 * Definition of one template variable. Creatify's schema for this object was not captured; this is the minimum reelkit relies on.
 */
export const zVariableDetail = /* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.string(),
    required: /* @__PURE__ */ z.boolean().optional(),
    default: /* @__PURE__ */ z.string().nullish()
});

/**
 * A custom template with the definitions of its variables.
 */
export const zCustomTemplateDetail = /* @__PURE__ */ z.object({
    template_id: /* @__PURE__ */ z.string(),
    name: /* @__PURE__ */ z.string(),
    preview: /* @__PURE__ */ z.string(),
    aspect_ratio: /* @__PURE__ */ z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().optional(),
    variables: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), zVariableDetail)
});

/**
 * DRF validation error body.
 */
export const zValidationError = /* @__PURE__ */ z.union([
    /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
    /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.union([
        /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
        /* @__PURE__ */ z.string()
    ]))
]);

/**
 * DRF error body for authentication, permission and not-found errors.
 */
export const zDetailError = /* @__PURE__ */ z.object({
    detail: /* @__PURE__ */ z.string(),
    code: /* @__PURE__ */ z.string().optional()
});

/**
 * A UUID string identifying this Custom Template Job.
 */
export const zJobId = /* @__PURE__ */ z.uuid();

/**
 * The job was created.
 */
export const zCustomTemplateJobsCreateResponse = zCustomTemplateJob;

/**
 * The job with its preview.
 */
export const zCustomTemplateJobsPreviewCreateResponse = zCustomTemplateJob;

/**
 * The preview job was created.
 */
export const zCustomTemplateJobsPreviewAsyncCreateResponse = zCustomTemplateJob;

/**
 * The job, now rendering.
 */
export const zCustomTemplateJobsRenderCreateResponse = zCustomTemplateJob;

/**
 * The job.
 */
export const zCustomTemplateJobsRetrieveResponse = zCustomTemplateJob;

/**
 * The templates.
 */
export const zCustomTemplatesListResponse = /* @__PURE__ */ z.array(zCustomTemplate);

/**
 * The template.
 */
export const zCustomTemplatesRetrieveResponse = zCustomTemplateDetail;
