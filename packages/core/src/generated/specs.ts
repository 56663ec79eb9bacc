// generated — do not edit. Source: specs/*.openapi.yml via scripts/generate.mjs.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
/** The specs this build of @reelkit/core was generated from. */
export const specs = {
  "creatomate": {
    "file": "specs/creatomate.openapi.yml",
    "title": "Creatomate API",
    "version": "1.0",
    "openapi": "3.0.1",
    "sha256": "706f368ad3acf3aea87c49beba20642889984147d1bfa8e806f6c3c8768013e7",
    "operations": 6
  },
  "creatify": {
    "file": "specs/creatify.openapi.yml",
    "title": "Creatify API (custom templates)",
    "version": "1.0.0",
    "openapi": "3.0.3",
    "sha256": "7f59ade4f0d0a1ba12b9c90172b4f3063cadfe8d631bc3d2320aa5bcb04048a7",
    "operations": 7
  }
} as const;
