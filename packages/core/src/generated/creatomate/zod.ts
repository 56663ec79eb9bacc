// generated — do not edit. Source: specs/creatomate.openapi.yml via @hey-api/openapi-ts (zod plugin).
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */

import * as z from 'zod';

/**
 * Body for POST /renders. Supply exactly one of `template_id`, `source`, or `tags` to select what is rendered.
 */
export const zCreateRenderRequest = z.object({
    template_id: z.uuid().optional(),
    source: z.record(z.string(), z.unknown()).optional(),
    tags: z.array(z.string()).min(1).optional(),
    modifications: z.record(z.string(), z.unknown()).optional(),
    output_format: z.enum([
        'jpg',
        'png',
        'gif',
        'mp4'
    ]).optional(),
    frame_rate: z.number().gte(1).lte(60).optional(),
    render_scale: z.number().gt(0).lte(10).optional().default(1),
    max_width: z.number().gte(1).optional(),
    max_height: z.number().gte(1).optional(),
    webhook_url: z.url().regex(/^https?:\/\//).optional(),
    metadata: z.string().optional(),
    transcripts: z.array(z.record(z.string(), z.unknown())).optional()
});

/**
 * Lifecycle state of a render. `succeeded` and `failed` are terminal states that trigger the webhook, if configured.
 */
export const zRenderStatus = z.enum([
    'planned',
    'waiting',
    'transcribing',
    'rendering',
    'succeeded',
    'failed'
]);

/**
 * A render job and, once complete, a pointer to its output file.
 */
export const zRender = z.object({
    id: z.uuid(),
    status: zRenderStatus,
    error_message: z.string().nullish(),
    url: z.url().nullable(),
    snapshot_url: z.url().nullish(),
    template_id: z.uuid().nullish(),
    template_name: z.string().nullish(),
    template_tags: z.array(z.string()).nullish(),
    output_format: z.enum([
        'jpg',
        'png',
        'gif',
        'mp4'
    ]).optional(),
    render_scale: z.number().optional(),
    width: z.int().optional(),
    height: z.int().optional(),
    frame_rate: z.number().nullish(),
    duration: z.number().nullish(),
    file_size: z.int().nullish(),
    modifications: z.record(z.string(), z.unknown()).nullish(),
    webhook_url: z.url().nullish(),
    metadata: z.string().nullish()
});

/**
 * A reusable design that renders can be produced from.
 */
export const zTemplate = z.object({
    id: z.uuid(),
    name: z.string(),
    tags: z.array(z.string()).optional(),
    width: z.int().nullish(),
    height: z.int().nullish(),
    frame_rate: z.number().nullish(),
    duration: z.number().nullish(),
    source: z.record(z.string(), z.unknown()).nullish(),
    created_at: z.string().optional(),
    updated_at: z.string().optional()
});

/**
 * Error response payload.
 */
export const zError = z.object({
    hint: z.string().optional(),
    documentation_url: z.url().optional()
});

export const zListRendersQuery = z.object({
    template_id: z.uuid().optional(),
    limit: z.int().gte(1).lte(100).optional().default(100)
});

/**
 * An array of Render objects.
 */
export const zListRendersResponse = z.array(zRender);

export const zCreateRenderBody = zCreateRenderRequest;

/**
 * Accepted. The renders have been queued. Returns an array of Render objects in their initial state.
 */
export const zCreateRenderResponse = z.array(zRender);

export const zDeleteRenderPath = z.object({
    id: z.uuid()
});

/**
 * The render was deleted.
 */
export const zDeleteRenderResponse = zRender;

export const zGetRenderPath = z.object({
    id: z.uuid()
});

/**
 * The requested Render object.
 */
export const zGetRenderResponse = zRender;

export const zListTemplatesQuery = z.object({
    tags: z.string().optional(),
    limit: z.int().gte(1).lte(100).optional().default(100)
});

/**
 * An array of Template objects.
 */
export const zListTemplatesResponse = z.array(zTemplate);

export const zGetTemplatePath = z.object({
    id: z.uuid()
});

/**
 * The requested Template object.
 */
export const zGetTemplateResponse = zTemplate;
