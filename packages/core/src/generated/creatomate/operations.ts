// generated — do not edit. Source: specs/creatomate.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import { requestSchemas } from './requests.js';
import { responseSchemas } from './responses.js';

/** Every operation of specs/creatomate.openapi.yml, keyed by operationId, with the zod schemas that validate it. */
export const operationSchemas = {
  listRenders: { ...requestSchemas.listRenders, response: responseSchemas.listRenders },
  createRender: { ...requestSchemas.createRender, response: responseSchemas.createRender },
  getRender: { ...requestSchemas.getRender, response: responseSchemas.getRender },
  deleteRender: { ...requestSchemas.deleteRender, response: responseSchemas.deleteRender },
  listTemplates: { ...requestSchemas.listTemplates, response: responseSchemas.listTemplates },
  getTemplate: { ...requestSchemas.getTemplate, response: responseSchemas.getTemplate },
} as const;

export type OperationId = keyof typeof operationSchemas;
