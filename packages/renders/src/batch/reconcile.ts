// The reconciler: the only evidence accepted that an unknown submission created a render is
// finding it by the unique metadata tag the batch sent it with — and the only evidence accepted
// that it did not is a search that provably saw every render it could be among.
import type { CreateRenderParams, Render } from '../types.js';
import type { BatchDeps } from './types.js';

/** GET /renders returns at most this many, most recent first, with no paging or metadata filter. */
export const SEARCH_LIMIT = 100;

export interface TagSearch {
  /** The renders carrying the tag. */
  found: Render[];
  /**
   * True when `found` is the whole truth: something was found, or the page was not full (it holds
   * every render of the template). A full page without the tag is not evidence: the item's render
   * may be older than the page, and a Render carries no creation time to tell.
   */
  conclusive: boolean;
}

/** Looks for `tag` among the most recent renders (of the item's template, when it has one). */
export async function findByTag(deps: BatchDeps, params: CreateRenderParams, tag: string, signal: AbortSignal): Promise<TagSearch> {
  const query = params.template_id !== undefined ? { template_id: params.template_id, limit: SEARCH_LIMIT } : { limit: SEARCH_LIMIT };
  const recent = await deps.list(query, { signal });
  const found = recent.filter((r) => r.metadata === tag);
  return { found, conclusive: found.length > 0 || recent.length < SEARCH_LIMIT };
}
