// Client-side rate limiting: calls beyond the limit wait for a slot instead of meeting 429s.
import { createCreatifyClient, createCreatomateClient, type RateLimitStore } from '@reelkit/core';

export async function main(jobIds: string[]) {
  // Creatify publishes no limit, so its client has none unless you set one: at most 10 requests in any second.
  const cf = createCreatifyClient({ rateLimit: { requests: 10, windowMs: 1_000 } });
  return Promise.all(jobIds.map((id) => cf.GET('/api/custom_template_jobs/{id}/', { params: { path: { id } } })));
}

// Creatomate's default is its published 30 requests per 10 s (`rateLimit: false` turns it off), kept in
// one in-memory store per process. Processes that share a store (a RateLimitStore on Redis or a
// database: tryAcquire + release) share one budget.
export function sharedBudgetClient(store: RateLimitStore) {
  return createCreatomateClient({ rateLimit: { requests: 30, windowMs: 10_000, store } });
}
