/* global fetch */
// One worker of `pnpm bench:scale` (a process of its own): a share of one 400-item batch through
// renders.runBatch with the ledger on Redis, and the rate limit on Redis (`store: 'redis'`) or only
// in this process (`store: 'memory'`, the baseline). Prints one JSON line: every request it sent,
// the 429s it got, and its results.
import { createCreatomateClient } from '@reelkit/core';
import { RATE_LIMIT } from '@reelkit/core/rules/creatomate';
import { createRenders } from '@reelkit/renders';
import { isStale } from '@reelkit/renders/ledger';
import { connectRedis, createRedisLedger, createRedisRateLimitStore } from '@reelkit/redis';

const config = JSON.parse(process.argv[2]);
const redis = connectRedis({ url: config.redisUrl });
const ledger = createRedisLedger(redis, { batchId: config.batchId });

const sent = [];
let tooMany = 0;
const countingFetch = async (input, init) => {
  const request = { at: Date.now(), method: init?.method ?? 'GET' };
  sent.push(request);
  const response = await fetch(input, init);
  if (response.status === 429) tooMany++;
  return response;
};
const rateLimit = config.store === 'redis' ? { ...RATE_LIMIT, store: createRedisRateLimitStore(redis) } : RATE_LIMIT;
const renders = createRenders(createCreatomateClient({ apiKey: config.apiKey, baseUrl: config.baseUrl, fetch: countingFetch, rateLimit }));

// Every worker is given the whole list. Items another worker settled or holds are passed over before
// the batch sees them (the batch would fetch a settled item's renders to report it: one GET each).
const items = Array.from({ length: config.count }, (_, i) => ({ template_id: config.templates[i % config.templates.length] }));
const keyOf = new Map(items.map((item, i) => [item, String(i)]));
async function* open() {
  for (const item of items) {
    const entry = await ledger.get(keyOf.get(item));
    if (entry === undefined || entry.state === 'maybe' || isStale(entry, Date.now())) yield item;
  }
}

const { results, summary } = await renders.runBatch(open(), {
  ledger,
  batchId: config.batchId,
  itemKey: (item) => keyOf.get(item),
  wait: false,
  checkModifications: false,
  // No pacing of its own: with nothing to wait for there are no status checks to leave room for,
  // and the limiter (shared or not) is what is measured. Paced, an item pulled as open could be
  // settled by another worker during the pause, and reporting it costs a GET.
  rateLimit: false,
});
await redis.close();
process.stdout.write(`${JSON.stringify({ sent, tooMany, summary, posted: results.filter((r) => r.status === 'submitted' && !r.reconciled).map((r) => r.key) })}\n`);
