// generated — do not edit. Source: specs/creatify.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import * as zod from './zod.js';

/** The zod schema of each operation's success response (undefined: no body). */
export const responseSchemas = {
  custom_template_jobs_create: zod.zCustomTemplateJobsCreateResponse,
  custom_template_jobs_preview_create: zod.zCustomTemplateJobsPreviewCreateResponse,
  custom_template_jobs_preview_async_create: zod.zCustomTemplateJobsPreviewAsyncCreateResponse,
  custom_template_jobs_render_create: zod.zCustomTemplateJobsRenderCreateResponse,
  custom_template_jobs_retrieve: zod.zCustomTemplateJobsRetrieveResponse,
  custom_templates_list: zod.zCustomTemplatesListResponse,
  custom_templates_retrieve: zod.zCustomTemplatesRetrieveResponse,
} as const;
