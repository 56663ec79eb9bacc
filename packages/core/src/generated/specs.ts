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
    "sha256": "076797e0001292ee134f892cd5eeac29baaf6ad6860840881bfd4315891ae988",
    "operations": 6
  },
  "creatify": {
    "file": "specs/creatify.openapi.yml",
    "title": "Creatify API (custom templates)",
    "version": "1.0.0",
    "openapi": "3.0.3",
    "sha256": "3c4b32cd8c160f8981ef1171979688308ed186ebedfde09076908ceb1b24b0ed",
    "operations": 7
  }
} as const;
