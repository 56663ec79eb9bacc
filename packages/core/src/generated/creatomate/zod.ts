// generated — do not edit. Source: specs/creatomate.openapi.yml via @hey-api/openapi-ts (zod plugin), calls marked pure, split by direction.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
export * from './zod-requests.js';
export * from './zod-responses.js';
