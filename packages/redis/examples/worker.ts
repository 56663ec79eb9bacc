// A batch worker. Start as many as you like, on any hosts, with the same list and the same batch
// id: they split the list between them (each item is claimed by one), and a worker started again
// after a crash resumes it — nothing already sent is sent again.
import { createCreatomateClient } from '@reelkit/core';
import { RATE_LIMIT } from '@reelkit/core/rules/creatomate';
import { createRenders, type BatchSummary, type CreateRenderParams } from '@reelkit/renders';
import { connectRedis, createRedisLedger, createRedisRateLimitStore } from '@reelkit/redis';

export async function main(items: CreateRenderParams[], batchId: string): Promise<BatchSummary> {
  const redis = connectRedis();
  try {
    const store = createRedisRateLimitStore(redis);
    const renders = createRenders(createCreatomateClient({ rateLimit: { ...RATE_LIMIT, store } }));
    const { summary } = await renders.runBatch(items, {
      batchId, // the same on every worker and every resume: it names the ledger and tags each render
      ledger: createRedisLedger(redis, { batchId }),
      wait: false, // report each item once it is submitted; its webhook or renders.waitFor says when it is done
      onProgress: ({ result }) => {
        // 'submitted': sent now, or by an earlier run or another worker (found in the ledger);
        // 'skipped': another live worker holds it; 'unknown': its outcome stays `maybe` until a resume finds it or sends it.
        if (result) console.log(result.key, result.status);
      },
    });
    return summary;
  } finally {
    await redis.close();
  }
}
