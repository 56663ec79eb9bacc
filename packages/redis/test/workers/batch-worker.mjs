// A worker process for the fault tests: runs one batch with the rate-limit store and the ledger on
// Redis, and prints its results as one JSON line. Built packages (dist), as a deployed worker runs.
// Argument: JSON { redisUrl, baseUrl, apiKey, batchId, owner, leaseMs, count, templateId, limit, pace,
// store: 'redis' (default) | 'memory' (this process's limiter only), barrier?: { key, count },
// submitConcurrency? }.
/* global fetch, setTimeout */
// Exit 0 with {results, summary}; exit 2 with {error} when the batch itself threw (e.g. Redis down).
import { createCreatomateClient } from '@reelkit/core';
import { createRenders } from '@reelkit/renders';
import { connectRedis, createRedisLedger, createRedisRateLimitStore } from '@reelkit/redis';

const config = JSON.parse(process.argv[2]);
const redis = connectRedis({ url: config.redisUrl, commandTimeoutMs: 1000 });
const store = config.store === 'memory' ? undefined : createRedisRateLimitStore(redis, { logger: { warn: () => undefined } });
// Counts the 429s the server answered (core retries them; they still mean the budget was exceeded).
let tooMany = 0;
const countingFetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 429) tooMany++;
  return response;
};
const client = createCreatomateClient({
  apiKey: config.apiKey,
  baseUrl: config.baseUrl,
  fetch: countingFetch,
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  rateLimit: store ? { ...config.limit, store } : config.limit,
});
const renders = createRenders(client);
const items = Array.from({ length: config.count }, () => ({ template_id: config.templateId }));

// Start together with `count` workers (whatever their spawn times), so that their requests overlap.
async function barrier({ key, count }) {
  await redis.command(['INCR', key]);
  while (Number(await redis.command(['GET', key])) < count) await new Promise((r) => setTimeout(r, 10));
}

let code = 0;
try {
  if (config.barrier) await barrier(config.barrier);
  const { results, summary } = await renders.runBatch(items, {
    ledger: createRedisLedger(redis, { batchId: config.batchId }),
    batchId: config.batchId,
    owner: config.owner,
    leaseMs: config.leaseMs,
    wait: false,
    checkModifications: false,
    submitConcurrency: config.submitConcurrency ?? 1,
    // Pacing for `pace` (or none): the client's limiter on Redis is what keeps the budget.
    rateLimit: config.pace ?? false,
    pollIntervalMs: 10_000,
  });
  const out = results.map((r) => ({ key: r.key, status: r.status, reconciled: r.reconciled, render_ids: r.render_ids ?? (r.renders ?? []).map((x) => x.id) }));
  process.stdout.write(`${JSON.stringify({ results: out, summary, tooMany })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error?.name ?? String(error), message: error?.message })}\n`);
  code = 2;
} finally {
  await redis.close();
}
process.exitCode = code;
