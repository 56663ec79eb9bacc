// generated — do not edit. Source: specs/creatomate.openapi.yml via @hey-api/openapi-ts (zod plugin), calls marked pure, split by direction.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */

import * as z from 'zod';

/**
 * Lifecycle state of a render. `succeeded` and `failed` are terminal states that trigger the webhook, if configured.
 */
export const zRenderStatus = /* @__PURE__ */ z.enum([
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
export const zRender = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid(),
    status: zRenderStatus,
    error_message: /* @__PURE__ */ z.string().nullish(),
    url: /* @__PURE__ */ z.url().nullable(),
    snapshot_url: /* @__PURE__ */ z.url().nullish(),
    template_id: /* @__PURE__ */ z.uuid().nullish(),
    template_name: /* @__PURE__ */ z.string().nullish(),
    template_tags: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()).nullish(),
    output_format: /* @__PURE__ */ z.enum([
        'jpg',
        'png',
        'gif',
        'mp4'
    ]).optional(),
    render_scale: /* @__PURE__ */ z.number().optional(),
    width: /* @__PURE__ */ z.int().optional(),
    height: /* @__PURE__ */ z.int().optional(),
    frame_rate: /* @__PURE__ */ z.number().nullish(),
    duration: /* @__PURE__ */ z.number().nullish(),
    file_size: /* @__PURE__ */ z.int().nullish(),
    modifications: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()).nullish(),
    webhook_url: /* @__PURE__ */ z.url().nullish(),
    metadata: /* @__PURE__ */ z.string().nullish()
});

/**
 * A reusable design that renders can be produced from.
 */
export const zTemplate = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid(),
    name: /* @__PURE__ */ z.string(),
    tags: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()).optional(),
    width: /* @__PURE__ */ z.int().nullish(),
    height: /* @__PURE__ */ z.int().nullish(),
    frame_rate: /* @__PURE__ */ z.number().nullish(),
    duration: /* @__PURE__ */ z.number().nullish(),
    source: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()).nullish(),
    created_at: /* @__PURE__ */ z.string().optional(),
    updated_at: /* @__PURE__ */ z.string().optional()
});

/**
 * Error response payload.
 */
export const zError = /* @__PURE__ */ z.object({
    hint: /* @__PURE__ */ z.string().optional(),
    documentation_url: /* @__PURE__ */ z.url().optional()
});

/**
 * An array of Render objects.
 */
export const zListRendersResponse = /* @__PURE__ */ z.array(zRender);

/**
 * Accepted. The renders have been queued. Returns an array of Render objects in their initial state.
 */
export const zCreateRenderResponse = /* @__PURE__ */ z.array(zRender);

/**
 * The render was deleted.
 */
export const zDeleteRenderResponse = zRender;

/**
 * The requested Render object.
 */
export const zGetRenderResponse = zRender;

/**
 * An array of Template objects.
 */
export const zListTemplatesResponse = /* @__PURE__ */ z.array(zTemplate);

/**
 * The requested Template object.
 */
export const zGetTemplateResponse = zTemplate;
