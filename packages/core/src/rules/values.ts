// Value shapes the rule modules share, kept apart from the RenderScript index so that the per-create
// check (render-request.ts) can use them without loading it.

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
