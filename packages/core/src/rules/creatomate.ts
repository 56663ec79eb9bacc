// Creatomate's rules as data and small pure functions: the one copy that both the SDK packages
// (checking before anything is sent) and @reelkit/emulator (answering like the vendor) import.
// A rule written in two places drifts; add new ones here, not in a package or in the emulator.

/** The vendor's rate limit per API key: at most `requests` in any `windowMs`. */
export const RATE_LIMIT = { requests: 30, windowMs: 10_000 } as const;

/** Largest request body the API accepts, in bytes (larger ones are answered 413). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
