import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCreatomateClient, MemoryRateLimitStore, ReelkitError, type RateLimitStore } from '@reelkit/core';
import { connectRedis, createRedisRateLimitStore, RedisUnavailableError } from '../src/index.js';
import { useRedisServer } from './redis-server.js';

const fixture = useRedisServer();
const connection = fixture.connection;

let keys = 0;
const freshKey = () => `reelkit:test:${++keys}:${Date.now()}`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const silent = { warn: () => undefined };

// The same sequences against core's memory store and the Redis store: one rule.
describe.each([
  ['MemoryRateLimitStore', (): RateLimitStore => new MemoryRateLimitStore()],
  ['the Redis store', (): RateLimitStore => createRedisRateLimitStore(connection(), { logger: silent })],
])('%s', (_name, make) => {
  const limit = { requests: 3, windowMs: 10_000 };

  it('grants `requests` slots, then says undefined while every slot is in flight', async () => {
    const store = make();
    const key = freshKey();
    for (let i = 0; i < 3; i++) expect((await store.tryAcquire(key, limit, Date.now())).lease).toBeTypeOf('string');
    expect(await store.tryAcquire(key, limit, Date.now())).toEqual({ retryInMs: undefined });
  });

  it('holds a released slot until its expiry and says how long until the earliest one frees', async () => {
    const store = make();
    const key = freshKey();
    const leases = [];
    for (let i = 0; i < 3; i++) leases.push((await store.tryAcquire(key, limit, Date.now())).lease!);
    await store.release(key, leases[0]!, Date.now() + 8_000);
    await store.release(key, leases[1]!, Date.now() + 5_000);
    const got = await store.tryAcquire(key, limit, Date.now());
    if (got.lease !== undefined) throw new Error('expected no slot');
    // The 5 s one, not the 8 s one (with room for a busy machine between release and acquire).
    expect(got.retryInMs).toBeGreaterThan(1_000);
    expect(got.retryInMs).toBeLessThanOrEqual(5_000);
  });

  it('frees a slot once its expiry has passed', async () => {
    const store = make();
    const key = freshKey();
    const leases = [];
    for (let i = 0; i < 3; i++) leases.push((await store.tryAcquire(key, limit, Date.now())).lease!);
    await store.release(key, leases[2]!, Date.now() + 30);
    await pause(60);
    expect((await store.tryAcquire(key, limit, Date.now())).lease).toBeTypeOf('string');
    expect((await store.tryAcquire(key, limit, Date.now())).lease).toBeUndefined();
  });

  it('keeps keys apart', async () => {
    const store = make();
    const [a, b] = [freshKey(), freshKey()];
    for (let i = 0; i < 3; i++) await store.tryAcquire(a, limit, Date.now());
    expect((await store.tryAcquire(b, limit, Date.now())).lease).toBeTypeOf('string');
  });
});

describe('the Redis rate-limit store', () => {
  it('lets exactly `requests` through one window when several processes acquire at once', async () => {
    const stores = Array.from({ length: 3 }, () => createRedisRateLimitStore(connection(), { logger: silent }));
    const key = freshKey();
    const limit = { requests: 25, windowMs: 10_000 };
    const got = await Promise.all(stores.flatMap((s) => Array.from({ length: 20 }, () => Promise.resolve(s.tryAcquire(key, limit, Date.now())))));
    expect(got.filter((g) => g.lease !== undefined)).toHaveLength(25);
    expect(new Set(got.map((g) => g.lease).filter(Boolean)).size).toBe(25);
  });

  it('expires a slot still in flight after inFlightTtlMs, so a dead process does not hold it forever', async () => {
    const store = createRedisRateLimitStore(connection(), { inFlightTtlMs: 1_000, logger: silent });
    const key = freshKey();
    const limit = { requests: 1, windowMs: 10_000 };
    expect((await store.tryAcquire(key, limit, Date.now())).lease).toBeTypeOf('string');
    expect((await store.tryAcquire(key, limit, Date.now())).lease).toBeUndefined();
    await pause(1_100);
    expect((await store.tryAcquire(key, limit, Date.now())).lease).toBeTypeOf('string');
  });

  it('stores only a hash of the credential, and every key it writes expires on its own', async () => {
    const apiKey = 'sk-test-0123456789-very-secret';
    const api = await startApi(() => 200);
    const redis = connection();
    try {
      const client = createCreatomateClient({ apiKey, baseUrl: api.url, validate: 'off', rateLimit: { requests: 5, windowMs: 10_000, store: createRedisRateLimitStore(redis, { logger: silent }) } });
      await client.GET('/renders/{id}', { params: { path: { id: '6f1f8a3e-8a64-4b7a-9b54-0a3f7c1d2e4f' } } });
      const written = (await redis.command(['KEYS', '*:flight'])) as string[];
      const all = [...written, ...((await redis.command(['KEYS', '*:cool'])) as string[])];
      expect(all.some((k) => k.startsWith('{reelkit:creatomate:'))).toBe(true);
      for (const key of all) {
        const members = (await redis.command(['ZRANGE', key, 0, -1])) as string[];
        expect([key, ...members].join(' ')).not.toContain(apiKey);
        expect(await redis.command(['PTTL', key])).toBeGreaterThan(0);
      }
    } finally {
      await api.close();
    }
  });
});

describe('when Redis is unreachable', () => {
  it('never shows the password of the Redis URL in the error or the warning', async () => {
    const warnings: string[] = [];
    const redis = connectRedis({ url: 'redis://worker:s3cret-redis-pass@127.0.0.1:1', connectTimeoutMs: 200 });
    try {
      const store = createRedisRateLimitStore(redis, { logger: { warn: (m) => warnings.push(m) } });
      const error: unknown = await Promise.resolve(store.tryAcquire(freshKey(), { requests: 1, windowMs: 1000 }, Date.now())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      const shown = [String(error), (error as Error).stack, JSON.stringify(error), ...warnings].join('\n');
      expect(shown).toContain('unreachable');
      expect(shown).not.toContain('s3cret-redis-pass');
    } finally {
      await redis.close();
    }
  });

  it('fails closed by default: the request is not sent, it throws RedisUnavailableError, and the outage is logged once', async () => {
    const api = await startApi(() => 200);
    const warnings: string[] = [];
    const store = createRedisRateLimitStore(connection(), { logger: { warn: (m) => warnings.push(m) } });
    const client = createCreatomateClient({ apiKey: 'k-fail-closed', baseUrl: api.url, validate: 'off', maxRetries: 0, rateLimit: { requests: 5, windowMs: 10_000, store } });
    const get = () => client.GET('/renders/{id}', { params: { path: { id: '6f1f8a3e-8a64-4b7a-9b54-0a3f7c1d2e4f' } } });
    await get();
    await fixture.server().stop();
    try {
      for (let i = 0; i < 3; i++) {
        const error: unknown = await get().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedisUnavailableError);
        expect(error).toBeInstanceOf(ReelkitError);
        expect(error).toMatchObject({ maybeSubmitted: false });
      }
      expect(api.requests()).toBe(1);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/unreachable.*failing closed/);
    } finally {
      await fixture.server().start();
      await api.close();
    }
  });

  it('with a fallback, limits this process alone to its fraction of the limit, then returns to the shared budget', async () => {
    const warnings: string[] = [];
    const store = createRedisRateLimitStore(connection(), { fallback: { fraction: 0.5 }, logger: { warn: (m) => warnings.push(m) } });
    const key = freshKey();
    const limit = { requests: 4, windowMs: 10_000 };
    await fixture.server().stop();
    try {
      const during = [];
      for (let i = 0; i < 4; i++) during.push(await store.tryAcquire(key, limit, Date.now()));
      expect(during.map((g) => g.lease !== undefined)).toEqual([true, true, false, false]);
      // Released locally: freed by the local store, nothing is lost.
      await store.release(key, during[0]!.lease!, Date.now() - 1);
      expect((await store.tryAcquire(key, limit, Date.now())).lease).toMatch(/^local:/);
      expect(warnings).toEqual([expect.stringMatching(/unreachable.*0\.5 of the limit/)]);
    } finally {
      await fixture.server().start();
    }
    // Back on Redis (empty after the restart): the full shared budget again, and one more line.
    await expect.poll(async () => (await store.tryAcquire(key, limit, Date.now())).lease ?? 'none', { timeout: 10_000, interval: 50 }).not.toMatch(/^local:|none/);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/reachable again/);
  });
});

describe('through core clients', () => {
  it('keeps two separate clients of one key inside the limit together, where separate memory stores exceed it', async () => {
    // A window long enough that both clients' first bursts land in one, however busy the machine.
    const limit = { requests: 4, windowMs: 2_000 };
    // The server's own sliding window, as the vendor counts: 429 once a fifth request arrives inside it.
    const seen: number[] = [];
    const api = await startApi(() => {
      const now = Date.now();
      while (seen.length > 0 && seen[0]! <= now - limit.windowMs) seen.shift();
      if (seen.length >= limit.requests) return 429;
      seen.push(now);
      return 200;
    });
    const run = async (stores: RateLimitStore[]) => {
      seen.length = 0;
      const before = api.tooMany();
      await Promise.all(stores.map(async (store) => {
        const client = createCreatomateClient({ apiKey: 'k-shared', baseUrl: api.url, validate: 'off', maxRetries: 0, rateLimit: { ...limit, store } });
        // All at once: each client's limiter lets its 4 go together.
        await Promise.all(Array.from({ length: 4 }, () => client.GET('/renders/{id}', { params: { path: { id: '6f1f8a3e-8a64-4b7a-9b54-0a3f7c1d2e4f' } } }).catch(() => undefined)));
      }));
      return api.tooMany() - before;
    };
    try {
      expect(await run([createRedisRateLimitStore(connection(), { logger: silent }), createRedisRateLimitStore(connection(), { logger: silent })])).toBe(0);
      expect(await run([new MemoryRateLimitStore(), new MemoryRateLimitStore()])).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });
});

/** A tiny Creatomate-shaped API on 127.0.0.1 answering each GET with `status()`. */
async function startApi(status: () => number) {
  let requests = 0;
  let tooMany = 0;
  const http: Server = createServer((req, res) => {
    requests++;
    const code = status();
    if (code === 429) tooMany++;
    req.resume();
    res.writeHead(code, { 'content-type': 'application/json' }).end(code === 200 ? '{}' : '{"hint":"Too many requests"}');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`,
    requests: () => requests,
    tooMany: () => tooMany,
    close: () => new Promise<void>((r) => http.close(() => r())),
  };
}
