import { getEventListeners } from 'node:events';
import { createServer as createNetServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ConflictError,
  ConnectionError,
  createCreatomateClient,
  RateLimitError,
  ServerError,
  TimeoutError,
  type Clock,
  type CreatomateClientOptions,
} from '../src/index.js';
import { realClock } from '../src/clock.js';
import { backoffMs, retryAfterMs, sleep } from '../src/retry.js';
import { json, memoryLogger, render, RENDER_ID, startServer, TEMPLATE_ID, type Handler, type TestServer } from './helpers.js';

const KEY = 'cm-retry-key-0123456789';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler, port?: number) {
  const s = await startServer(handler, port);
  servers.push(s);
  return s;
}

/** A clock whose waits return at once (recorded): real sockets, no real backoff. */
function instantClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => Date.now(), sleep: (ms, signal) => (slept.push(ms), sleep(0, signal)) };
}

/** Instant waits plus per-attempt timers that fire only when the test says so (from a handler). */
function timerClock(): Clock & { timers: { ms: number; cancelled: boolean }[]; fireAll(): void } {
  const pending = new Set<() => void>();
  const timers: { ms: number; cancelled: boolean }[] = [];
  return {
    ...instantClock(),
    timers,
    timer(ms, fire) {
      const record = { ms, cancelled: false };
      timers.push(record);
      pending.add(fire);
      return () => {
        record.cancelled = true;
        pending.delete(fire);
      };
    },
    fireAll() {
      for (const fire of [...pending]) fire();
      pending.clear();
    },
  };
}

function cm(url: string, options: CreatomateClientOptions = {}) {
  return createCreatomateClient({ apiKey: KEY, baseUrl: `${url}/v1`, rateLimit: false, clock: instantClock(), ...options });
}

const getRender = (client: ReturnType<typeof cm>, init: { signal?: AbortSignal; timeoutMs?: number; maxRetries?: number } = {}) =>
  client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, ...init });
const createRender = (client: ReturnType<typeof cm>, init: { timeoutMs?: number; maxRetries?: number } = {}) =>
  client.POST('/renders', { body: { template_id: TEMPLATE_ID }, ...init });
const fail = (e: unknown) => e;

/** A port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('Retry-After', () => {
  it('retries a 429 after Retry-After: 1 (waiting 1 s on the client clock) and succeeds', async () => {
    const s = await serve((_req, res, _b, i) => (i === 0 ? json(res, 429, { hint: 'slow down' }, { 'Retry-After': '1' }) : json(res, 200, render())));
    const clock = instantClock();
    const data = await getRender(cm(s.url, { clock }));
    expect(data.id).toBe(RENDER_ID);
    expect(s.received).toHaveLength(2);
    expect(clock.slept).toEqual([1000]);
  });

  it('parses retry-after-ms first, then seconds, then an HTTP date', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2.5' }), now)).toBe(2500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 12:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it('backoff grows exponentially with jitter and is capped', () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(0, () => 1)).toBe(375);
    expect(backoffMs(2, () => 0)).toBe(2000);
    expect(backoffMs(10, () => 0)).toBe(8000);
  });

  it('a Retry-After beyond the 60 s cap surfaces the RateLimitError instead of sleeping', async () => {
    const s = await serve((_req, res) => json(res, 429, { hint: 'come back later' }, { 'Retry-After': '120' }));
    const err = await getRender(cm(s.url)).catch(fail);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(120_000);
    expect(s.received).toHaveLength(1);
  });
});

describe('what is retried', () => {
  it('GET: 5xx, 408 and 409 are retried up to maxRetries', async () => {
    const statuses = [500, 408, 409, 200];
    const s = await serve((_req, res, _b, i) => json(res, statuses[i]!, statuses[i] === 200 ? render() : { hint: 'x' }, { 'retry-after-ms': '1' }));
    await expect(getRender(cm(s.url, { maxRetries: 3 }))).resolves.toMatchObject({ id: RENDER_ID });
    expect(s.received).toHaveLength(4);
  });

  it('GET: gives up after maxRetries with the last error; per-request maxRetries overrides', async () => {
    const s = await serve((_req, res) => json(res, 503, { hint: 'down' }, { 'retry-after-ms': '1' }));
    const err = await getRender(cm(s.url, { maxRetries: 2 })).catch(fail);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).maybeSubmitted).toBe(false);
    expect(s.received).toHaveLength(3);
    await getRender(cm(s.url, { maxRetries: 2 }), { maxRetries: 0 }).catch(fail);
    expect(s.received).toHaveLength(4);
  });

  it('4xx other than 408/409/429 is not retried', async () => {
    const s = await serve((_req, res) => json(res, 404, { hint: 'gone' }));
    await getRender(cm(s.url)).catch(fail);
    expect(s.received).toHaveLength(1);
  });

  it('GET after a dropped connection is retried', async () => {
    const s = await serve((req, res, _b, i) => (i === 0 ? req.socket.destroy() : json(res, 200, render())));
    await expect(getRender(cm(s.url))).resolves.toMatchObject({ id: RENDER_ID });
    expect(s.received).toHaveLength(2);
  });
});

describe('money safety: POST', () => {
  it('a POST whose connection drops after the server read it is sent exactly once and surfaces ConnectionError with maybeSubmitted', async () => {
    const s = await serve((req) => {
      req.socket.destroy();
    });
    const err = await createRender(cm(s.url, { maxRetries: 2 })).catch(fail);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).maybeSubmitted).toBe(true);
    expect((err as ConnectionError).method).toBe('POST');
    expect(s.received).toHaveLength(1);
    expect(JSON.parse(s.received[0]!.body)).toEqual({ template_id: TEMPLATE_ID });
  });

  it('a POST answered 5xx is not retried and says the work may have been submitted', async () => {
    const s = await serve((_req, res) => json(res, 500, { hint: 'boom' }, { 'retry-after-ms': '1' }));
    const err = await createRender(cm(s.url, { maxRetries: 2 })).catch(fail);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).maybeSubmitted).toBe(true);
    expect(s.received).toHaveLength(1);
  });

  it('a POST answered 409 is not retried', async () => {
    const s = await serve((_req, res) => json(res, 409, { hint: 'busy' }, { 'retry-after-ms': '1' }));
    expect(await createRender(cm(s.url)).catch(fail)).toBeInstanceOf(ConflictError);
    expect(s.received).toHaveLength(1);
  });

  it('a POST that timed out is not retried and carries maybeSubmitted', async () => {
    // The attempt times out once the server has the request (fired from the handler, which never answers).
    const clock = timerClock();
    const s = await serve(() => clock.fireAll());
    const err = await createRender(cm(s.url, { maxRetries: 2, clock }), { timeoutMs: 100 }).catch(fail);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).maybeSubmitted).toBe(true);
    expect(s.received).toHaveLength(1);
  });

  it('a POST answered 429 is retried (the server did not act)', async () => {
    const s = await serve((_req, res, _b, i) => (i === 0 ? json(res, 429, {}, { 'retry-after-ms': '5' }) : json(res, 202, [render()])));
    await expect(createRender(cm(s.url))).resolves.toHaveLength(1);
    expect(s.received).toHaveLength(2);
  });

  it('a POST refused before sending (ECONNREFUSED) is retried and then succeeds', async () => {
    const port = await freePort();
    const logger = memoryLogger();
    let started: Promise<TestServer> | undefined;
    // Bring the server up when the client announces its retry, i.e. after the first attempt was refused.
    const original = logger.info.bind(logger);
    logger.info = (message, fields) => {
      original(message, fields);
      if (message.includes('retrying') && !started) started = serve((_req, res) => json(res, 202, [render()]), port);
    };
    // Real backoff: the server comes up during the wait.
    const renders = await createRender(cm(`http://127.0.0.1:${port}`, { logger, logLevel: 'info', maxRetries: 2, clock: realClock }));
    expect(renders).toHaveLength(1);
    const s = await started!;
    expect(s.received).toHaveLength(1);
    expect(logger.lines.some((l) => l.includes('ConnectionError') && l.includes('ECONNREFUSED'))).toBe(true);
  });

  it('a POST refused on every attempt fails with maybeSubmitted false', async () => {
    const port = await freePort();
    const err = await createRender(cm(`http://127.0.0.1:${port}`, { maxRetries: 1 })).catch(fail);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).maybeSubmitted).toBe(false);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('a stray retrySafe in the options does not make a paid POST retried after a 5xx', async () => {
    const s = await serve((_req, res, _b, i) => (i === 0 ? json(res, 503, {}, { 'retry-after-ms': '1' }) : json(res, 202, [render()])));
    const stray = { retrySafe: true, maxRetries: 5 };
    const err = await createRender(cm(s.url), stray).catch(fail);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).maybeSubmitted).toBe(true);
    expect(s.received).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('each attempt gets a fresh timer', async () => {
    // A timer shared across attempts would be started once; each attempt must start (and cancel) its own.
    const clock = timerClock();
    const s = await serve((_req, res, _b, i) => (i === 0 ? json(res, 503, {}, { 'retry-after-ms': '1' }) : json(res, 200, render())));
    await expect(getRender(cm(s.url, { clock }), { timeoutMs: 450 })).resolves.toMatchObject({ id: RENDER_ID });
    expect(s.received).toHaveLength(2);
    expect(clock.timers).toEqual([
      { ms: 450, cancelled: true },
      { ms: 450, cancelled: true },
    ]);
  });

  it('a clock without a timer times attempts out with setTimeout', async () => {
    const s = await serve(() => undefined); // never answers
    const clock: Clock = { now: () => Date.now(), sleep: (_ms, signal) => sleep(0, signal) };
    const err = await getRender(cm(s.url, { maxRetries: 0, timeoutMs: 50, clock })).catch(fail);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it('a GET that times out is retried, then TimeoutError', async () => {
    const clock = timerClock();
    const s = await serve(() => clock.fireAll());
    const err = await getRender(cm(s.url, { maxRetries: 1, timeoutMs: 80, clock })).catch(fail);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).maybeSubmitted).toBe(false);
    expect(s.received).toHaveLength(2);
  });

  it("the caller's signal aborts an in-flight request with AbortError carrying the reason", async () => {
    // Aborted from the handler: the server has the request, whatever the machine's load.
    const controller = new AbortController();
    const s = await serve(() => controller.abort(new Error('user left')));
    const err = await getRender(cm(s.url, { clock: realClock }), { signal: controller.signal }).catch(fail);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toEqual(new Error('user left'));
    expect(s.received).toHaveLength(1);
  });

  it('a POST aborted by the caller after it was sent is AbortError with maybeSubmitted; a GET is not', async () => {
    // Each request is aborted by the handler once the server has it: never answered, never early.
    const post = new AbortController();
    const get = new AbortController();
    const s = await serve((req) => (req.method === 'POST' ? post : get).abort());
    const err = await cm(s.url)
      .POST('/renders', { body: { template_id: TEMPLATE_ID }, signal: post.signal })
      .catch(fail);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).maybeSubmitted).toBe(true);
    const getErr = await getRender(cm(s.url), { signal: get.signal }).catch(fail);
    expect(getErr).toBeInstanceOf(AbortError);
    expect((getErr as AbortError).maybeSubmitted).toBe(false);
    expect(s.received.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(s.received.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('a long-lived caller signal is linked without AbortSignal.any (which leaks on Node 20) and unlinked after each request', async () => {
    const s = await serve((_req, res) => json(res, 200, render()));
    const appWide = new AbortController();
    const client = cm(s.url);
    const before = getEventListeners(appWide.signal, 'abort').length;
    for (let i = 0; i < 20; i++) await getRender(client, { signal: appWide.signal });
    expect(getEventListeners(appWide.signal, 'abort')).toHaveLength(before);
  });

  it('every attempt hands fetch a fresh signal: undici leaves its listeners on a reused one until GC', async () => {
    // A pool of controllers saves ~5 µs per GET on Node 20 but, with the real fetch, piled up
    // thousands of stale abort listeners on each pooled signal (MaxListenersExceededWarning).
    const s = await serve((_req, res) => json(res, 200, render()));
    let stale = 0;
    const client = cm(s.url, {
      fetch: (input, init) => {
        stale = Math.max(stale, getEventListeners(init.signal!, 'abort').length);
        return globalThis.fetch(input, init);
      },
    });
    for (let i = 0; i < 30; i++) await getRender(client);
    expect(stale).toBe(0);
  });

  it('abort during a backoff wait stops at once', async () => {
    const s = await serve((_req, res) => json(res, 429, {}, { 'Retry-After': '30' }));
    const controller = new AbortController();
    // The real wait, aborted once it has begun (not on a timer that may fire before the 429 arrives).
    const clock: Clock = {
      now: () => Date.now(),
      sleep: (ms, signal) => {
        const waiting = realClock.sleep(ms, signal);
        setImmediate(() => controller.abort());
        return waiting;
      },
    };
    const started = performance.now();
    const err = await getRender(cm(s.url, { clock }), { signal: controller.signal }).catch(fail);
    expect(err).toBeInstanceOf(AbortError);
    // It did not sit out the 30 s Retry-After.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(s.received).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const s = await serve((_req, res) => json(res, 200, render()));
    const err = await getRender(cm(s.url), { signal: AbortSignal.abort() }).catch(fail);
    expect(err).toBeInstanceOf(AbortError);
    expect(s.received).toHaveLength(0);
  });
});
