// generated — do not edit. Source: specs/creatify.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
export type * from './types.js';
export * from './zod.js';
export * from './operations.js';
export * from './requests.js';
export * from './responses.js';
