// generated — do not edit. Source: specs/creatomate.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
import * as zod from './zod.js';

/** Every operation of specs/creatomate.openapi.yml, keyed by operationId, with the zod schemas that validate it. */
export const operationSchemas = {
  listRenders: {
    operationId: 'listRenders',
    method: 'GET',
    path: '/renders',
    successStatus: 200,
    unconfirmed: true,
    bodyRequired: false,
    body: undefined,
    path_params: undefined,
    query: zod.zListRendersQuery,
    response: zod.zListRendersResponse,
  },
  createRender: {
    operationId: 'createRender',
    method: 'POST',
    path: '/renders',
    successStatus: 202,
    unconfirmed: false,
    bodyRequired: true,
    body: zod.zCreateRenderBody.strict(),
    path_params: undefined,
    query: undefined,
    response: zod.zCreateRenderResponse,
  },
  getRender: {
    operationId: 'getRender',
    method: 'GET',
    path: '/renders/{id}',
    successStatus: 200,
    unconfirmed: false,
    bodyRequired: false,
    body: undefined,
    path_params: zod.zGetRenderPath,
    query: undefined,
    response: zod.zGetRenderResponse,
  },
  deleteRender: {
    operationId: 'deleteRender',
    method: 'DELETE',
    path: '/renders/{id}',
    successStatus: 200,
    unconfirmed: true,
    bodyRequired: false,
    body: undefined,
    path_params: zod.zDeleteRenderPath,
    query: undefined,
    response: zod.zDeleteRenderResponse,
  },
  listTemplates: {
    operationId: 'listTemplates',
    method: 'GET',
    path: '/templates',
    successStatus: 200,
    unconfirmed: false,
    bodyRequired: false,
    body: undefined,
    path_params: undefined,
    query: zod.zListTemplatesQuery,
    response: zod.zListTemplatesResponse,
  },
  getTemplate: {
    operationId: 'getTemplate',
    method: 'GET',
    path: '/templates/{id}',
    successStatus: 200,
    unconfirmed: false,
    bodyRequired: false,
    body: undefined,
    path_params: zod.zGetTemplatePath,
    query: undefined,
    response: zod.zGetTemplateResponse,
  },
} as const;

export type OperationId = keyof typeof operationSchemas;
