// generated — do not edit. Source: packages/core/package.json via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
/** @reelkit/core's version, sent in the User-Agent. */
export const VERSION = "0.1.0";
