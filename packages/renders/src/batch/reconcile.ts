// The reconciler: the only evidence accepted that an unknown submission created a render is
// finding it by the unique metadata tag the batch sent it with.
import type { CreateRenderParams, Render } from '../types.js';
import type { BatchDeps } from './types.js';

/** The batch's tag for an item: `reelkit-batch:<batchId>:<key>`. */
export const batchTag = (batchId: string, key: string): string => `reelkit-batch:${batchId}:${key}`;

/**
 * The renders carrying `tag` among the 100 most recent (of the item's template, when it has one):
 * an item answered moments ago is among them unless far more renders were created meanwhile.
 */
export async function findByTag(deps: BatchDeps, params: CreateRenderParams, tag: string, signal: AbortSignal): Promise<Render[]> {
  const query = params.template_id !== undefined ? { template_id: params.template_id, limit: 100 } : { limit: 100 };
  const recent = await deps.list(query, { signal });
  return recent.filter((r) => r.metadata === tag);
}
