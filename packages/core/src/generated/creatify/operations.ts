// generated — do not edit. Source: specs/creatify.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import { requestSchemas } from './requests.js';
import { responseSchemas } from './responses.js';

/** Every operation of specs/creatify.openapi.yml, keyed by operationId, with the zod schemas that validate it. */
export const operationSchemas = {
  custom_template_jobs_create: { ...requestSchemas.custom_template_jobs_create, response: responseSchemas.custom_template_jobs_create },
  custom_template_jobs_preview_create: { ...requestSchemas.custom_template_jobs_preview_create, response: responseSchemas.custom_template_jobs_preview_create },
  custom_template_jobs_preview_async_create: { ...requestSchemas.custom_template_jobs_preview_async_create, response: responseSchemas.custom_template_jobs_preview_async_create },
  custom_template_jobs_render_create: { ...requestSchemas.custom_template_jobs_render_create, response: responseSchemas.custom_template_jobs_render_create },
  custom_template_jobs_retrieve: { ...requestSchemas.custom_template_jobs_retrieve, response: responseSchemas.custom_template_jobs_retrieve },
  custom_templates_list: { ...requestSchemas.custom_templates_list, response: responseSchemas.custom_templates_list },
  custom_templates_retrieve: { ...requestSchemas.custom_templates_retrieve, response: responseSchemas.custom_templates_retrieve },
} as const;

export type OperationId = keyof typeof operationSchemas;
