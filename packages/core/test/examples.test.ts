// The README's examples are the files in examples/, run here against a small fake of both APIs
// (core cannot depend on the emulator: the emulator depends on core).
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, MemoryRateLimitStore, type CallOptions, type RateLimitWindow } from '../src/index.js';
import { main as calls } from '../examples/calls.js';
import { advice, main as errors } from '../examples/errors.js';
import { main as logging } from '../examples/logging.js';
import { main as policy } from '../examples/policy.js';
import { main as quickstart } from '../examples/quickstart.js';
import { main as rateLimit, sharedBudgetClient } from '../examples/rate-limit.js';
import { CREATIFY_JOB_ID, creatifyJob, json, render, startServer, TEMPLATE_ID, type TestServer } from './helpers.js';

const CM_KEY = 'cm-example-KEY-7c4a8d09ca3762af61e59520943dc264';
const CF_ID = 'cf-example-ID-3b5d5c3712955042';
const CF_KEY = 'cf-example-KEY-e99a18c428cb38d5f2608536';
const MISSING_JOB = '9f9f9f9f-9f9f-4f9f-8f9f-9f9f9f9f9f9f';
const CREATED_JOB = '2c2c2c2c-2c2c-4c2c-8c2c-2c2c2c2c2c2c';

/** Per-test behaviour of the fake for POST /api/custom_template_jobs/ (default: 201 with a job). */
let createJob: (body: string, res: Parameters<typeof json>[0]) => void;
/** Arrival time (ms) of every request, for the rate-limit assertion. */
let arrivals: number[] = [];

// A fake of both APIs on one port: Creatomate under /v1, Creatify under /api.
let server: TestServer;
const renders = new Map<string, number>(); // render id → GETs so far
const env = { ...process.env };
beforeAll(async () => {
  server = await startServer((req, res, body) => {
    arrivals.push(performance.now());
    const url = new URL(req.url ?? '/', 'http://x');
    const renderPath = /^\/v1\/renders\/([^/]+)$/.exec(url.pathname);
    const jobPath = /^\/api\/custom_template_jobs\/([^/]+)\/$/.exec(url.pathname);
    const requestId = { 'x-request-id': `req-${arrivals.length}` };
    if (req.method === 'POST' && url.pathname === '/v1/renders') {
      const id = crypto.randomUUID();
      renders.set(id, 0);
      const { template_id } = JSON.parse(body) as { template_id: string };
      return json(res, 202, [render({ id, template_id, status: 'planned', url: null })], requestId);
    }
    if (renderPath && renders.has(renderPath[1]!)) {
      const id = renderPath[1]!;
      const seen = renders.get(id)! + 1;
      renders.set(id, seen);
      // The first GET finds it rendering, later ones finished.
      const status = req.method === 'GET' && seen === 1 ? 'rendering' : 'succeeded';
      return json(res, 200, render({ id, status, url: status === 'succeeded' ? `https://cdn.example.com/${id}.mp4` : null }), requestId);
    }
    if (req.method === 'POST' && url.pathname === '/api/custom_template_jobs/') return createJob(body, res);
    if (jobPath && jobPath[1] !== MISSING_JOB) return json(res, 200, creatifyJob({ id: jobPath[1] }), requestId);
    return json(res, 404, url.pathname.startsWith('/api/') ? { detail: 'Not found.' } : { hint: 'The requested resource was not found.' }, requestId);
  });
  process.env.CREATOMATE_API_KEY = CM_KEY;
  process.env.CREATIFY_API_ID = CF_ID;
  process.env.CREATIFY_API_KEY = CF_KEY;
  process.env.REELKIT_CREATOMATE_URL = `${server.url}/v1`;
  process.env.REELKIT_CREATIFY_URL = server.url;
  process.env.REELKIT_LOG = 'off';
});
afterEach(() => {
  server.received.length = 0;
  arrivals = [];
  vi.restoreAllMocks();
});
afterAll(async () => {
  process.env = env;
  await server.close();
});

const quiet = () => ({ log: vi.spyOn(console, 'log').mockImplementation(() => undefined), error: vi.spyOn(console, 'error').mockImplementation(() => undefined) });
const requests = () => server.received.map((r) => `${r.method} ${r.url}`);

describe('examples', () => {
  it('quickstart renders, polls until succeeded, and turns a missing Creatify job into null with its hint', async () => {
    const { log } = quiet();
    const result = await quickstart(TEMPLATE_ID, MISSING_JOB);
    expect(result.render).toMatchObject({ status: 'succeeded', template_id: TEMPLATE_ID, url: `https://cdn.example.com/${result.render.id}.mp4` });
    expect(result.job).toBeNull();
    // onUpdate saw every polled status; the NotFoundError's hint and request id were printed.
    expect(log.mock.calls).toEqual([['rendering'], ['succeeded'], ['Not found.', 'req-4']]);
    expect(requests()).toEqual([
      'POST /v1/renders',
      `GET /v1/renders/${result.render.id}`,
      `GET /v1/renders/${result.render.id}`,
      `GET /api/custom_template_jobs/${MISSING_JOB}/`,
    ]);
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${CM_KEY}`);
    expect(JSON.parse(server.received[0]!.body)).toEqual({ template_id: TEMPLATE_ID, modifications: { 'Text-1': 'Hi' } });
    expect(server.received[3]!.headers).toMatchObject({ 'x-api-id': CF_ID, 'x-api-key': CF_KEY });
  });

  it('quickstart returns an existing Creatify job', async () => {
    quiet();
    const result = await quickstart(TEMPLATE_ID, CREATIFY_JOB_ID);
    expect(result.job).toMatchObject({ id: CREATIFY_JOB_ID, status: 'pending' });
  });

  it('calls reads a render with options, reads it raw with its request id, and deletes it', async () => {
    const { log } = quiet();
    const id = crypto.randomUUID();
    renders.set(id, 1); // already past its first GET: succeeded
    const result = await calls(id);
    expect(result).toMatchObject({ render: { id, status: 'succeeded' }, status: 200, requestId: 'req-2' });
    expect(log.mock.calls).toEqual([['succeeded: HTTP 200, request id req-2']]);
    expect(requests()).toEqual([`GET /v1/renders/${id}`, `GET /v1/renders/${id}`, `DELETE /v1/renders/${id}`]);
  });

  it('errors: a created job comes back; a 400 names the field, a 5xx on the POST is not retried and says look first', async () => {
    quiet();
    const input = { template_id: TEMPLATE_ID, variables: { quote: { type: 'text' as const, properties: { content: 'Hi' } } } };

    createJob = (_body, res) => json(res, 201, creatifyJob({ id: CREATED_JOB }));
    expect(await errors(input)).toMatchObject({ job: { id: CREATED_JOB }, advice: null });

    createJob = (_body, res) => json(res, 400, { variables: ['quote: This field is required.'] });
    expect(await errors(input)).toEqual({ job: null, advice: 'fix the request: variables: quote: This field is required.' });

    server.received.length = 0;
    createJob = (_body, res) => json(res, 500, { detail: 'A server error occurred.' });
    expect(await errors(input)).toEqual({ job: null, advice: 'look before you resubmit' });
    expect(requests()).toEqual(['POST /api/custom_template_jobs/']); // one attempt: a retry could be a second bill
  });

  it('errors: advice covers what is thrown before sending and what is not reelkit at all', async () => {
    quiet();
    // template_id is not a UUID: refused before sending.
    const bad = await errors({ template_id: 'nope', variables: {} });
    expect(bad.advice).toMatch(/^fix the request \(nothing was sent\): body\.template_id /);
    expect(server.received).toEqual([]);
    expect(advice(new Error('boom'))).toBe('not a reelkit error: Error: boom');
    expect(advice(new AbortError('aborted', { maybeSubmitted: true }))).toBe('cancelled after sending: look before you resubmit');
  });

  it('logging writes JSON lines with method, path and status, and the key never appears in them', async () => {
    let output = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    const id = crypto.randomUUID();
    renders.set(id, 1);
    expect(await logging(id)).toMatchObject({ id, status: 'succeeded' });
    vi.restoreAllMocks();
    const lines = output.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.level)).toEqual(['debug', 'info']);
    expect(lines[0]).toMatchObject({ message: `reelkit: GET ${server.url}/v1/renders/${id}`, headers: { Authorization: '[redacted]' } });
    expect(lines[1]).toMatchObject({ method: 'GET', path: `/renders/${id}`, status: 200, attempt: 1, requestId: 'req-1' });
    expect(output).not.toContain(CM_KEY);
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${CM_KEY}`); // it was sent, just never logged
  });

  it('rate-limit: 12 calls at 10 per second all succeed, and no second holds more than 10 of them', async () => {
    const ids = Array.from({ length: 12 }, () => crypto.randomUUID());
    const jobs = await rateLimit(ids);
    expect(jobs.map((j) => j.id)).toEqual(ids);
    expect(arrivals).toHaveLength(12);
    // The 11th request reached the server a full window after the 1st (without the limit: ~0 ms).
    const sorted = [...arrivals].sort((a, b) => a - b);
    for (let i = 10; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 10]!).toBeGreaterThanOrEqual(999);
  });

  it('rate-limit: a client given a store takes its slots there, keyed by a hash of the key', async () => {
    const store = new MemoryRateLimitStore();
    const keys: string[] = [];
    const windows: RateLimitWindow[] = [];
    const tryAcquire = store.tryAcquire.bind(store);
    vi.spyOn(store, 'tryAcquire').mockImplementation((key, limit, now) => {
      keys.push(key);
      windows.push(limit);
      return tryAcquire(key, limit, now);
    });
    const id = crypto.randomUUID();
    renders.set(id, 1);
    await sharedBudgetClient(store).GET('/renders/{id}', { params: { path: { id } } });
    expect(windows).toEqual([{ requests: 30, windowMs: 10_000 }]);
    expect(keys[0]).not.toContain(CM_KEY);
  });

  it('policy sends the paid POST once with only the call options, then polls to the final status', async () => {
    const { log } = quiet();
    const smuggled = { timeoutMs: 5_000, retrySafe: true, body: { template_id: 'not-this' } } as CallOptions;
    await expect(policy(TEMPLATE_ID, smuggled)).resolves.toEqual({ outcome: 'succeeded' });
    const posts = server.received.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.body)).toEqual({ template_id: TEMPLATE_ID });
    expect(log.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/: rendering$/), expect.stringMatching(/: succeeded$/)]);
  });

  it.each(['quickstart.ts', 'calls.ts', 'errors.ts', 'logging.ts', 'rate-limit.ts', 'policy.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
