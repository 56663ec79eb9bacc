// The current state of several renders with as few requests as possible, so waiting for many
// renders stays inside the rate limit: one `GET /renders?limit=100` covers the most recent 100,
// the rest (older ones, or all of them when the list is unavailable) are fetched by id.
import { ApiError, type CreatomateClient } from '@reelkit/core';
import type { CallOptions } from '@reelkit/core';
import type { Render } from './types.js';

/** After the list answers "not here" (it is unconfirmed in Creatomate's docs), renders are fetched by id for this long. */
const LIST_RETRY_AFTER_MS = 10 * 60_000;
const LIST_UNAVAILABLE = [400, 403, 404, 405, 501];

export type Observe = (ids: readonly string[], options: CallOptions) => Promise<Render[]>;

export function observer(client: CreatomateClient, now: () => number = Date.now): Observe {
  let listUnavailableUntil = -Infinity;
  const byId = (id: string, options: CallOptions) => client.GET('/renders/{id}', { params: { path: { id } }, ...options });

  async function recent(options: CallOptions): Promise<Map<string, Render>> {
    const found = new Map<string, Render>();
    try {
      for (const r of await client.GET('/renders', { params: { query: { limit: 100 } }, ...options })) found.set(r.id, r);
    } catch (error) {
      if (!(error instanceof ApiError && LIST_UNAVAILABLE.includes(error.status))) throw error;
      listUnavailableUntil = now() + LIST_RETRY_AFTER_MS;
    }
    return found;
  }

  return async (ids, options) => {
    const seen = ids.length > 1 && now() >= listUnavailableUntil ? await recent(options) : new Map<string, Render>();
    return Promise.all(ids.map(async (id) => seen.get(id) ?? byId(id, options)));
  };
}
