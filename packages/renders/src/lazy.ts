// Code that only some calls need (today: the modification check) is loaded with a dynamic import()
// on first use, so a browser app downloads it only when a call needs it.
import { ReelkitError } from '@reelkit/core';

/**
 * `importer`, run once on first call and shared afterwards. A failed load (a chunk the browser could
 * not fetch) is a ReelkitError naming `what`, and the next call tries again.
 */
export function lazily<T>(what: string, importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= importer().catch((cause: unknown) => {
      loading = undefined;
      throw new ReelkitError(`Could not load reelkit's ${what} code`, { cause });
    });
    return loading;
  };
}
