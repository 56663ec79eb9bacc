// Every worker process points its client at the same Redis: together they stay inside the one
// budget Creatomate gives the key (30 requests per 10 s), however many workers there are.
import { createCreatomateClient } from '@reelkit/core';
import { RATE_LIMIT } from '@reelkit/core/rules/creatomate';
import { createRenders, type Render } from '@reelkit/renders';
import { connectRedis, createRedisRateLimitStore } from '@reelkit/redis';

const QUOTE_SQUARE = 'a4d7e2b3-5c6f-4a19-8e0d-3b2c1f9a6e33'; // "Quote Square" (an emulator seed template)

export async function main(): Promise<Render[]> {
  // REELKIT_REDIS_URL (default redis://127.0.0.1:6379); one connection per process.
  const redis = connectRedis();
  try {
    const store = createRedisRateLimitStore(redis, {
      // Redis down: this process goes on alone at a quarter of the limit (four workers), instead of
      // the default, failing closed (nothing is sent; requests throw RedisUnavailableError).
      fallback: { fraction: 1 / 4 },
    });
    // Key from CREATOMATE_API_KEY; Redis holds a hash of it, never the key.
    const renders = createRenders(createCreatomateClient({ rateLimit: { ...RATE_LIMIT, store } }));
    return await renders.create({ template_id: QUOTE_SQUARE, modifications: { Quote: 'One budget.', author: 'Ada' } });
  } finally {
    await redis.close();
  }
}
