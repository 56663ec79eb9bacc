import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, createCreatomateClient, NotFoundError, poll, RequestValidationError, pollIterator, TimeoutError, type creatomate } from '../src/index.js';
import { json, render, RENDER_ID, startServer, type TestServer } from './helpers.js';

type Render = creatomate.components['schemas']['Render'];
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const fast = { initialMs: 5, maxMs: 20, factor: 2 };

async function progressing(states: string[]) {
  const s = await startServer((_req, res, _b, i) => json(res, 200, render({ status: states[Math.min(i, states.length - 1)], url: null })));
  servers.push(s);
  return s;
}

function client(url: string, rateLimit: false | { requests: number; windowMs: number } = false, apiKey = 'poll-key-0001') {
  return createCreatomateClient({ apiKey, baseUrl: `${url}/v1`, rateLimit, maxRetries: 0 });
}

const isTerminal = (r: Render) => r.status === 'succeeded' || r.status === 'failed';

describe('poll', () => {
  it('an interval field given as undefined keeps its default; nonsense intervals are refused', async () => {
    const s = await progressing(['planned', 'succeeded']);
    const c = client(s.url);
    const get = (signal: AbortSignal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal });
    const controller = new AbortController();
    let answered!: () => void;
    const firstAnswer = new Promise<void>((r) => (answered = r));
    const observed = async (signal: AbortSignal) => {
      const r = await get(signal);
      answered();
      return r;
    };
    // With the 1 s default first wait, nothing but the first request happens within 200 ms of its answer.
    const pending = poll<Render>({ get: observed, isTerminal, interval: { initialMs: undefined, maxMs: 5000 }, signal: controller.signal }).catch((e: unknown) => e);
    await firstAnswer;
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(s.received).toHaveLength(1);
    for (const interval of [{ initialMs: 0 }, { factor: 0.5 }, { initialMs: 100, maxMs: 50 }]) {
      await expect(poll<Render>({ get, isTerminal, interval })).rejects.toThrow(RequestValidationError);
    }
    await expect(poll<Render>({ get, isTerminal, deadlineMs: -1 })).rejects.toThrow(RequestValidationError);
    expect(s.received).toHaveLength(1);
  });

  it('polls through the client until terminal, reporting every state', async () => {
    const s = await progressing(['planned', 'rendering', 'rendering', 'succeeded']);
    const c = client(s.url);
    const seen: string[] = [];
    const final = await poll<Render>({
      get: (signal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal }),
      isTerminal,
      interval: fast,
      onProgress: (r) => seen.push(r.status),
    });
    expect(final.status).toBe('succeeded');
    expect(seen).toEqual(['planned', 'rendering', 'rendering', 'succeeded']);
  });

  it('pollIterator yields every observed value and ends after the terminal one', async () => {
    const s = await progressing(['waiting', 'failed']);
    const c = client(s.url);
    const values: string[] = [];
    for await (const r of pollIterator<Render>({ get: (signal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal }), isTerminal, interval: fast })) {
      values.push(r.status);
    }
    expect(values).toEqual(['waiting', 'failed']);
    expect(s.received).toHaveLength(2);
  });

  it('stops polling when the consumer leaves the iterator early', async () => {
    const s = await progressing(['rendering']);
    const c = client(s.url);
    for await (const r of pollIterator<Render>({ get: (signal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal }), isTerminal, interval: fast })) {
      expect(r.status).toBe('rendering');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(s.received).toHaveLength(1);
  });

  it('times out with TimeoutError, also when the deadline hits an in-flight request', async () => {
    const s = await progressing(['rendering']);
    const c = client(s.url);
    const get = (signal: AbortSignal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal });
    await expect(poll({ get, isTerminal, deadlineMs: 100, interval: fast })).rejects.toBeInstanceOf(TimeoutError);
    const slow = async (signal: AbortSignal) => {
      await new Promise((r) => setTimeout(r, 10));
      return get(signal);
    };
    await expect(poll({ get: slow, isTerminal, deadlineMs: 50, interval: { initialMs: 1000 } })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('abort during the wait between polls stops at once', async () => {
    const s = await progressing(['rendering']);
    const c = client(s.url);
    const controller = new AbortController();
    const started = performance.now();
    const err = await poll({
      // Aborted once the first answer is in, so the abort lands in the wait, never before the request.
      get: async (signal) => {
        const r = await c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal });
        setImmediate(() => controller.abort());
        return r;
      },
      isTerminal,
      signal: controller.signal,
      interval: { initialMs: 30_000 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(s.received).toHaveLength(1);
  });

  it('an error from get ends polling with that error', async () => {
    const s = await startServer((_req, res) => json(res, 404, { hint: 'No such render' }));
    servers.push(s);
    const c = client(s.url);
    const err = await poll({ get: (signal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal }), isTerminal, interval: fast }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
  });

  it('respects the rate limiter because it calls through the client', async () => {
    const times: number[] = [];
    let limited = 0;
    const s = await startServer((_req, res, _b, i) => {
      const now = performance.now();
      if (times.filter((t) => now - t <= 300).length >= 2) {
        limited++;
        return json(res, 429, {});
      }
      times.push(now);
      json(res, 200, render({ status: i >= 5 ? 'succeeded' : 'rendering' }));
    });
    servers.push(s);
    const c = client(s.url, { requests: 2, windowMs: 300 }, 'poll-limited-key-02');
    const final = await poll({ get: (signal) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } }, signal }), isTerminal, interval: { initialMs: 1, maxMs: 1 } });
    expect(final.status).toBe('succeeded');
    expect(limited).toBe(0);
    expect(times).toHaveLength(6);
  });
});
