// The batch's metadata tag, on its own: the package root exports it, and a file the root re-exports
// lands in the app's up-front chunk (esbuild splits by file), so reconcile.ts (lazy) must not hold it.

/** The batch's tag for an item: `reelkit-batch:<batchId>:<key>`. */
export const batchTag = (batchId: string, key: string): string => `reelkit-batch:${batchId}:${key}`;
