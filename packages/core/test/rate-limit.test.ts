import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, createCreatomateClient, MemoryRateLimitStore, type Acquired, type Clock, type RateLimitStore, type RateLimitWindow } from '../src/index.js';
import { realClock } from '../src/clock.js';
import { hashCredential } from '../src/rate-limit.js';
import { json, render, RENDER_ID, startServer, type TestServer } from './helpers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server that enforces "at most `requests` per sliding `windowMs`" per Authorization header, counting inclusively. */
async function limitedServer(requests: number, windowMs: number) {
  const accepted = new Map<string, number[]>();
  const stats = { ok: 0, limited: 0 };
  const s = await startServer((req, res) => {
    const key = req.headers.authorization ?? '';
    const now = performance.now();
    const times = (accepted.get(key) ?? []).filter((t) => now - t <= windowMs);
    if (times.length >= requests) {
      stats.limited++;
      accepted.set(key, times);
      json(res, 429, { hint: 'Too many requests' }, { 'Retry-After': '1' });
      return;
    }
    times.push(now);
    accepted.set(key, times);
    stats.ok++;
    json(res, 200, render());
  });
  servers.push(s);
  return { ...s, stats };
}

const client = (url: string, apiKey: string, requests: number, windowMs: number, store?: RateLimitStore) =>
  // maxRetries 0: a 429 must surface, not be papered over by a retry.
  createCreatomateClient({ apiKey, baseUrl: `${url}/v1`, maxRetries: 0, rateLimit: { requests, windowMs, store } });

const get = (c: ReturnType<typeof client>, signal?: AbortSignal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal });

describe('client-side rate limiting', () => {
  // The window arithmetic is covered on a virtual clock (limiter-clock.test.ts); this keeps one
  // real-socket run against a server that enforces the limit itself.
  it('keeps 25 sequential calls at zero 429s against a server enforcing the same limit (5 per 250 ms)', async () => {
    const s = await limitedServer(5, 250);
    const c = client(s.url, 'rl-seq-key-000001', 5, 250);
    const started = performance.now();
    for (let i = 0; i < 25; i++) await get(c);
    expect(s.stats).toEqual({ ok: 25, limited: 0 });
    // It really throttled: 25 calls at 5 per 250 ms need at least 4 full windows.
    expect(performance.now() - started).toBeGreaterThanOrEqual(4 * 250);
  }, 20_000);

  it('is shared by every client with the same key: 40 concurrent calls from two clients, zero 429s', async () => {
    const s = await limitedServer(5, 250);
    const a = client(s.url, 'rl-shared-key-0002', 5, 250);
    const b = client(s.url, 'rl-shared-key-0002', 5, 250);
    await Promise.all(Array.from({ length: 40 }, (_, i) => get(i % 2 ? a : b)));
    expect(s.stats).toEqual({ ok: 40, limited: 0 });
  });

  it('does not hold back a different key; a queued call can be aborted', async () => {
    const s = await limitedServer(100, 60_000);
    const a = client(s.url, 'rl-key-a-000003', 1, 60_000);
    const b = client(s.url, 'rl-key-b-000004', 1, 60_000);
    await get(a);
    const controller = new AbortController();
    const queued = get(a, controller.signal).catch((e: unknown) => e);
    await get(b); // resolves although `a` is out of budget for a minute
    controller.abort();
    expect(await queued).toBeInstanceOf(AbortError);
    expect(s.stats.ok).toBe(2);
  });

  it('an aborted last waiter leaves no timer behind (the process can exit)', async () => {
    const s = await limitedServer(100, 60_000);
    // The real clock's wait, observed: the count is taken once the waiter's timer exists, not after a guessed delay.
    let waiting!: () => void;
    const asleep = new Promise<void>((r) => (waiting = r));
    const clock: Clock = { now: () => Date.now(), sleep: (ms, signal) => (setImmediate(waiting), realClock.sleep(ms, signal)) };
    const c = createCreatomateClient({ apiKey: 'rl-key-exit-000007', baseUrl: `${s.url}/v1`, maxRetries: 0, rateLimit: { requests: 1, windowMs: 60_000 }, clock });
    await get(c);
    const controller = new AbortController();
    const queued = get(c, controller.signal).catch((e: unknown) => e);
    await asleep;
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    controller.abort();
    expect(await queued).toBeInstanceOf(AbortError);
    await new Promise((r) => setImmediate(r));
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before - 1);
  });

  it('uses a pluggable store, keyed by a hash of the credential, never the key itself', async () => {
    const s = await limitedServer(100, 60_000);
    const memory = new MemoryRateLimitStore();
    const keys: string[] = [];
    const store: RateLimitStore = {
      tryAcquire: (key: string, limit: RateLimitWindow, now: number): Promise<Acquired> => {
        keys.push(key);
        return Promise.resolve(memory.tryAcquire(key, limit, now));
      },
      release: (key, lease, expiresAt) => memory.release(key, lease, expiresAt),
    };
    const apiKey = 'rl-store-key-000005';
    await get(client(s.url, apiKey, 3, 1000, store));
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(apiKey);
    expect(keys[0]).toBe(`reelkit:creatomate:${hashCredential(apiKey)}`);
  });

  it('a store that fails rejects the waiting call instead of hanging', async () => {
    const s = await limitedServer(100, 60_000);
    const broken: RateLimitStore = {
      tryAcquire: () => Promise.reject(new Error('store down')),
      release: () => undefined,
    };
    await expect(get(client(s.url, 'rl-broken-000006', 3, 1000, broken))).rejects.toThrow('store down');
    expect(s.stats.ok).toBe(0);
  });
});

describe('MemoryRateLimitStore', () => {
  it('holds a slot from acquire until its expiry, and says how long to wait', () => {
    const store = new MemoryRateLimitStore();
    const limit = { requests: 2, windowMs: 1000 };
    const a = store.tryAcquire('k', limit, 0);
    const b = store.tryAcquire('k', limit, 0);
    expect(a.lease && b.lease).toBeTruthy();
    // Both in flight: no expiry known yet.
    expect(store.tryAcquire('k', limit, 10)).toEqual({ retryInMs: undefined });
    store.release('k', a.lease!, 1100);
    expect(store.tryAcquire('k', limit, 100)).toEqual({ retryInMs: 1000 });
    expect(store.tryAcquire('k', limit, 1100).lease).toBeDefined();
    expect(store.tryAcquire('other', limit, 0).lease).toBeDefined();
  });

  it('hashes credentials without exposing them', () => {
    expect(hashCredential('secret-one')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashCredential('secret-one')).not.toBe(hashCredential('secret-two'));
  });
});
