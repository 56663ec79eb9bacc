// The operation policy comes from the spec: cost and repeatable per operation, read by the retry
// decision alone. Pure decisions are tested without a network; a few real sockets prove the wiring.
import { describe, expect, it } from 'vitest';
import { createCreatifyClient, createCreatomateClient, creatify, creatomate, ServerError, TimeoutError, type Clock } from '../src/index.js';
import { decideRetry, MAX_RETRY_AFTER_MS } from '../src/retry.js';
import { json, render, RENDER_ID, startServer, TEMPLATE_ID } from './helpers.js';

const paid = (ops: Record<string, { cost: string; repeatable: boolean }>) =>
  Object.entries(ops)
    .filter(([, op]) => op.cost === 'paid')
    .map(([id]) => id)
    .sort();

describe('operation policy in the spec', () => {
  it('marks exactly the generation endpoints paid, and no paid operation repeatable', () => {
    expect(paid(creatomate.operationSchemas)).toEqual(['createRender']);
    expect(paid(creatify.operationSchemas)).toEqual([
      'custom_template_jobs_create',
      'custom_template_jobs_preview_async_create',
      'custom_template_jobs_preview_create',
      'custom_template_jobs_render_create',
    ]);
    for (const op of [...Object.values(creatomate.operationSchemas), ...Object.values(creatify.operationSchemas)]) {
      expect(op.repeatable).toBe(op.cost === 'free');
    }
  });
});

describe('decideRetry', () => {
  const at = (outcome: Parameters<typeof decideRetry>[0]['outcome'], repeatable: boolean, attempt = 1, maxRetries = 2) =>
    decideRetry({ outcome, repeatable, attempt, maxRetries, random: () => 0 });

  it('retries a repeatable operation after a timeout, a dropped connection and a 5xx', () => {
    expect(at({ kind: 'timeout' }, true)).toEqual({ retry: true, delayMs: 500 });
    expect(at({ kind: 'connection', neverSent: false }, true)).toEqual({ retry: true, delayMs: 500 });
    expect(at({ kind: 'status', status: 503, retryAfterMs: undefined }, true, 2)).toEqual({ retry: true, delayMs: 1000 });
  });

  it('never retries a non-repeatable operation after an unknown outcome', () => {
    expect(at({ kind: 'timeout' }, false)).toEqual({ retry: false });
    expect(at({ kind: 'connection', neverSent: false }, false)).toEqual({ retry: false });
    expect(at({ kind: 'status', status: 502, retryAfterMs: 1 }, false)).toEqual({ retry: false });
    expect(at({ kind: 'status', status: 409, retryAfterMs: undefined }, false)).toEqual({ retry: false });
  });

  it('retries a non-repeatable operation after a 429 (after Retry-After) or a failure that sent nothing', () => {
    expect(at({ kind: 'status', status: 429, retryAfterMs: 1500 }, false)).toEqual({ retry: true, delayMs: 1500 });
    expect(at({ kind: 'connection', neverSent: true }, false)).toEqual({ retry: true, delayMs: 500 });
  });

  it('stops after maxRetries and when the server asks for a wait above the cap', () => {
    expect(at({ kind: 'timeout' }, true, 3, 2)).toEqual({ retry: false });
    expect(at({ kind: 'status', status: 429, retryAfterMs: MAX_RETRY_AFTER_MS + 1 }, true)).toEqual({ retry: false });
    expect(at({ kind: 'status', status: 400, retryAfterMs: undefined }, true)).toEqual({ retry: false });
  });
});

/** A clock whose sleeps return at once and are recorded. */
function fakeClock(start = Date.parse('2026-12-01T00:00:00Z')): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

/** An in-memory fetch answering from a list, recording the requests. */
function scripted(answers: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return Promise.resolve(next());
  };
  return { fetch, calls };
}

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('the client follows the policy (in-memory fetch, fake clock)', () => {
  const opts = { apiKey: 'policy-key-0123', baseUrl: 'http://x.invalid/v1', rateLimit: false as const };

  it('a stray retrySafe, body or maxRetries in the options cannot make a paid POST repeat after a 5xx', async () => {
    const clock = fakeClock();
    const { fetch, calls } = scripted([() => jsonResponse(502, {}), () => jsonResponse(202, [render()])]);
    const client = createCreatomateClient({ ...opts, fetch, clock, maxRetries: 5 });
    const smuggled = { retrySafe: true, maxRetries: 5, timeoutMs: 1000 };
    const err = await client.POST('/renders', { body: { template_id: TEMPLATE_ID }, ...smuggled }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).maybeSubmitted).toBe(true);
    expect(calls).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });

  it('retries a free GET after 5xx with backoff, and a paid POST after 429 with the Retry-After it was given', async () => {
    const clock = fakeClock();
    const get = scripted([() => jsonResponse(503, {}), () => jsonResponse(500, {}), () => jsonResponse(200, render())]);
    await createCreatomateClient({ ...opts, fetch: get.fetch, clock }).GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(get.calls).toHaveLength(3);
    expect(clock.slept).toHaveLength(2);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(375);
    expect(clock.slept[0]).toBeLessThanOrEqual(500);
    expect(clock.slept[1]).toBeGreaterThanOrEqual(750);

    const clock2 = fakeClock();
    const date = new Date(clock2.now() + 7000).toUTCString();
    const post = scripted([() => jsonResponse(429, {}, { 'Retry-After': '3' }), () => jsonResponse(429, {}, { 'Retry-After': date }), () => jsonResponse(202, [render()])]);
    await createCreatomateClient({ ...opts, fetch: post.fetch, clock: clock2 }).POST('/renders', { body: { template_id: TEMPLATE_ID } });
    expect(post.calls).toHaveLength(3);
    expect(clock2.slept[0]).toBe(3000);
    // An HTTP date is read against the client's clock, which the first 3 s wait moved on (whole seconds).
    expect(clock2.slept[1]).toBeGreaterThan(3000);
    expect(clock2.slept[1]).toBeLessThanOrEqual(4000);
  });

  it('a Creatify paid POST answered 5xx is sent once; its free GET is retried', async () => {
    const clock = fakeClock();
    const cfOpts = { apiId: 'policy-id', apiKey: 'policy-key-0123', baseUrl: 'http://x.invalid', clock };
    const post = scripted([() => jsonResponse(500, {})]);
    const client = createCreatifyClient({ ...cfOpts, fetch: post.fetch });
    await expect(client.POST('/api/custom_template_jobs/preview_async/', { body: { template_id: TEMPLATE_ID, variables: {} } })).rejects.toBeInstanceOf(ServerError);
    expect(post.calls).toHaveLength(1);
    const get = scripted([() => jsonResponse(500, {}), () => jsonResponse(404, { detail: 'Not found.' })]);
    await expect(createCreatifyClient({ ...cfOpts, fetch: get.fetch }).GET('/api/custom_template_jobs/{id}/', { params: { path: { id: RENDER_ID } } })).rejects.toMatchObject({ status: 404 });
    expect(get.calls).toHaveLength(2);
  });
});

describe('real sockets: the money rules end to end', () => {
  it('a paid POST whose response never comes times out once, maybeSubmitted; a GET is retried', async () => {
    const s = await startServer((req, res, _b, i) => {
      if (req.method === 'GET' && i > 0) return json(res, 200, render());
      // Never answers: the client's per-attempt timer decides.
    });
    try {
      const client = createCreatomateClient({ apiKey: 'socket-key-0123', baseUrl: `${s.url}/v1`, rateLimit: false, maxRetries: 3, timeoutMs: 150 });
      const err = await client.POST('/renders', { body: { template_id: TEMPLATE_ID } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect((err as TimeoutError).maybeSubmitted).toBe(true);
      expect(s.received).toHaveLength(1);
      await expect(client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })).resolves.toMatchObject({ id: RENDER_ID });
    } finally {
      await s.close();
    }
  });
});
