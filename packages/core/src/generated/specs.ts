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
    "sha256": "cb96ea83e38e95fa2d9baaa9d75330391f9cda107c2e6d4432e20bff9c5466e6",
    "operations": 6
  },
  "creatify": {
    "file": "specs/creatify.openapi.yml",
    "title": "Creatify API (custom templates)",
    "version": "1.0.0",
    "openapi": "3.0.3",
    "sha256": "83dfbafd2c1d648c8349befaa0d0705fbcd629b422a6e104baea37c922f20925",
    "operations": 7
  }
} as const;
