// Creatomate's published limits, apart from the rest of the rules so that the client (which needs
// only these) does not make a browser bundle load the RenderScript addressing code up front.
// Re-exported by ./creatomate.ts (`@reelkit/core/rules/creatomate`).

/** The vendor's rate limit per API key: at most `requests` in any `windowMs`. */
export const RATE_LIMIT = { requests: 30, windowMs: 10_000 } as const;

/** Largest request body the API accepts, in bytes (larger ones are answered 413). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
