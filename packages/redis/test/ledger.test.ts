import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '@reelkit/renders/ledger';
import { createRedisLedger, RedisUnavailableError } from '../src/index.js';
import { ledgerConformance } from './ledger-conformance.js';
import { useRedisServer } from './redis-server.js';

const fixture = useRedisServer();
const connection = fixture.connection;

ledgerConformance('MemoryLedger', {
  fresh: () => Promise.resolve(new MemoryLedger()),
  shared: () => Promise.resolve([new MemoryLedger()]),
});

ledgerConformance('the Redis ledger', {
  fresh: () => Promise.resolve(createRedisLedger(connection(), { batchId: randomUUID() })),
  // One connection per handle: as many workers, each with its own socket.
  shared: (count) => {
    const batchId = randomUUID();
    return Promise.resolve(Array.from({ length: count }, () => createRedisLedger(connection(), { batchId })));
  },
});

describe('the Redis ledger', () => {
  it('is keyed per batch id: another batch does not see the items', async () => {
    const redis = connection();
    const a = createRedisLedger(redis, { batchId: 'batch-a' });
    const b = createRedisLedger(redis, { batchId: 'batch-b' });
    await a.claim('0', 'w', 60_000);
    expect(await b.claim('0', 'w', 60_000)).toEqual({ claimed: true });
    expect(await a.claim('0', 'w2', 60_000)).toMatchObject({ claimed: false });
  });

  it('forgets a batch after ttlMs when one is set, and keeps it otherwise', async () => {
    const redis = connection();
    const kept = `kept-${randomUUID()}`;
    const forgotten = `forgotten-${randomUUID()}`;
    await createRedisLedger(redis, { batchId: kept }).claim('0', 'w', 60_000);
    await createRedisLedger(redis, { batchId: forgotten, ttlMs: 60_000 }).claim('0', 'w', 60_000);
    expect(await redis.command(['PTTL', `reelkit:ledger:{${kept}}`])).toBe(-1);
    const ttl = (await redis.command(['PTTL', `reelkit:ledger:{${forgotten}}`])) as number;
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('throws RedisUnavailableError (a ReelkitError, nothing sent) when Redis is down, and works again once it is back', async () => {
    const redis = connection();
    const ledger = createRedisLedger(redis, { batchId: randomUUID() });
    await ledger.claim('before', 'w', 60_000);
    await fixture.server().stop();
    try {
      const error: unknown = await ledger.claim('during', 'w', 60_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(error).toMatchObject({ maybeSubmitted: false });
    } finally {
      await fixture.server().start();
    }
    await expect.poll(() => ledger.claim('after', 'w', 60_000).catch(() => 'down'), { timeout: 10_000, interval: 50 }).toEqual({ claimed: true });
  });
});
