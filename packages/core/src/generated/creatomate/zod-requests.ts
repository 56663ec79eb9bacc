// generated — do not edit. Source: specs/creatomate.openapi.yml via @hey-api/openapi-ts (zod plugin), calls marked pure, split by direction.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */

import * as z from 'zod';

/**
 * Body for POST /renders. Supply exactly one of `template_id`, `source`, or `tags` to select what is rendered.
 */
export const zCreateRenderRequest = /* @__PURE__ */ z.object({
    template_id: /* @__PURE__ */ z.uuid().optional(),
    source: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()).optional(),
    tags: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()).min(1).optional(),
    modifications: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()).optional(),
    output_format: /* @__PURE__ */ z.enum([
        'jpg',
        'png',
        'gif',
        'mp4'
    ]).optional(),
    frame_rate: /* @__PURE__ */ z.number().gte(1).lte(60).optional(),
    render_scale: /* @__PURE__ */ z.number().gt(0).lte(10).optional().default(1),
    max_width: /* @__PURE__ */ z.number().gte(1).optional(),
    max_height: /* @__PURE__ */ z.number().gte(1).optional(),
    webhook_url: /* @__PURE__ */ z.url().regex(/^https?:\/\//).optional(),
    metadata: /* @__PURE__ */ z.string().optional(),
    transcripts: /* @__PURE__ */ z.array(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown())).optional()
});

export const zListRendersQuery = /* @__PURE__ */ z.object({
    template_id: /* @__PURE__ */ z.uuid().optional(),
    limit: /* @__PURE__ */ z.int().gte(1).lte(100).optional().default(100)
});

export const zCreateRenderBody = zCreateRenderRequest;

export const zDeleteRenderPath = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid()
});

export const zGetRenderPath = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid()
});

export const zListTemplatesQuery = /* @__PURE__ */ z.object({
    tags: /* @__PURE__ */ z.string().optional(),
    limit: /* @__PURE__ */ z.int().gte(1).lte(100).optional().default(100)
});

export const zGetTemplatePath = /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.uuid()
});
