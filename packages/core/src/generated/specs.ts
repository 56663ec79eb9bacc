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
    "sha256": "cebfd1092bc81c68eb1597670b9c9ad6b69117397fa7c2ed58ed873b87aca743",
    "operations": 6
  },
  "creatify": {
    "file": "specs/creatify.openapi.yml",
    "title": "Creatify API (custom templates)",
    "version": "1.0.0",
    "openapi": "3.0.3",
    "sha256": "bcb32d413d085c61dfc70cd7db49f3dab71f4762da50007073bb3355c724ac9f",
    "operations": 7
  }
} as const;
