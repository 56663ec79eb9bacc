// generated — do not edit. Source: specs/creatomate.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import * as zod from './zod.js';

/** The zod schema of each operation's success response (undefined: no body). */
export const responseSchemas = {
  listRenders: zod.zListRendersResponse,
  createRender: zod.zCreateRenderResponse,
  getRender: zod.zGetRenderResponse,
  deleteRender: zod.zDeleteRenderResponse,
  listTemplates: zod.zListTemplatesResponse,
  getTemplate: zod.zGetTemplateResponse,
} as const;
