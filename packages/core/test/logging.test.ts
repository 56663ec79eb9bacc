import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCreatifyClient, createCreatomateClient, ReelkitError } from '../src/index.js';
import { CREATIFY_JOB_ID, json, memoryLogger, render, RENDER_ID, startServer, TEMPLATE_ID, type TestServer } from './helpers.js';

const KEY = 'cm-secret-KEY-5f4dcc3b5aa765d61d8327deb882cf99';
const CF_ID = 'cf-secret-ID-0a1b2c3d4e5f';
const CF_KEY = 'cf-secret-KEY-9f8e7d6c5b4a';
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Everything a user could print about an error. */
function errorStrings(err: unknown): string[] {
  const e = err as Error;
  return [e.message, String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 5 })];
}

describe('redaction', () => {
  it('no log line, error message, error JSON or stack contains the Creatomate key, even when the server echoes it', async () => {
    const s = await startServer((req, res, body, i) => {
      if (i === 0) return json(res, 200, render(), { 'x-request-id': 'rid-1' });
      if (i === 1) return json(res, 401, { hint: `Invalid API key ${KEY}`, received: { authorization: req.headers.authorization } });
      if (i === 2) return json(res, 400, { hint: `bad body ${body}` });
      if (i === 3) {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        return res.end(`<html>upstream rejected ${req.headers.authorization}</html>`);
      }
      // A wrong type makes it an error; the new status next to it is drift, logged.
      return json(res, 200, { ...render(), url: 7, status: `weird ${KEY}` });
    });
    servers.push(s);
    const logger = memoryLogger();
    const client = createCreatomateClient({ apiKey: KEY, baseUrl: `${s.url}/v1`, rateLimit: false, maxRetries: 0, logger, logLevel: 'debug' });
    const get = () => client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    const errors: unknown[] = [];
    await get();
    errors.push(await get().catch((e: unknown) => e));
    errors.push(await client.POST('/renders', { body: { template_id: TEMPLATE_ID, metadata: KEY } }).catch((e: unknown) => e));
    errors.push(await get().catch((e: unknown) => e));
    errors.push(await get().catch((e: unknown) => e));
    // A request validation error whose offending value is the key.
    errors.push(await client.GET('/renders/{id}', { params: { path: { id: KEY } } }).catch((e: unknown) => e));
    // A connection error.
    const dead = createCreatomateClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:1/v1', rateLimit: false, maxRetries: 0, logger, logLevel: 'debug' });
    errors.push(await dead.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } }).catch((e: unknown) => e));

    expect(errors).toHaveLength(6);
    for (const err of errors) {
      expect(err).toBeInstanceOf(ReelkitError);
      for (const text of errorStrings(err)) expect(text).not.toContain(KEY);
    }
    expect(logger.lines.length).toBeGreaterThan(5);
    for (const line of logger.lines) expect(line).not.toContain(KEY);
    // The redaction is visible, so a reader knows something was there.
    expect(logger.lines.some((l) => l.includes('"Authorization":"[redacted]"'))).toBe(true);
    expect(errors.some((e) => (e as Error).message.includes('[redacted]'))).toBe(true);
  });

  it('redacts X-API-ID and X-API-KEY and both Creatify values', async () => {
    const s = await startServer((req, res) => json(res, 403, { detail: `id ${String(req.headers['x-api-id'])} key ${String(req.headers['x-api-key'])} not allowed` }));
    servers.push(s);
    const logger = memoryLogger();
    const client = createCreatifyClient({ apiId: CF_ID, apiKey: CF_KEY, baseUrl: s.url, maxRetries: 0, logger, logLevel: 'debug' });
    const err = await client.GET('/api/custom_template_jobs/{id}/', { params: { path: { id: CREATIFY_JOB_ID } } }).catch((e: unknown) => e);
    for (const text of [...errorStrings(err), ...logger.lines, JSON.stringify(client), inspect(client)]) {
      expect(text).not.toContain(CF_ID);
      expect(text).not.toContain(CF_KEY);
    }
    expect(logger.lines.some((l) => l.includes('"X-API-ID":"[redacted]"') && l.includes('"X-API-KEY":"[redacted]"'))).toBe(true);
  });
});

describe('log levels', () => {
  async function oneCall(options: { logLevel?: 'debug' | 'info' | 'warn' | 'off' } = {}) {
    const s = await startServer((_req, res) => json(res, 200, render(), { 'x-request-id': 'rid-77' }));
    servers.push(s);
    const logger = memoryLogger();
    await createCreatomateClient({ apiKey: KEY, baseUrl: `${s.url}/v1`, rateLimit: false, logger, ...options }).GET('/renders/{id}', {
      params: { path: { id: RENDER_ID } },
    });
    return logger.lines;
  }

  it('each request logs method, path, status, attempt, duration and request id at info', async () => {
    vi.stubEnv('REELKIT_LOG', 'info');
    const lines = await oneCall();
    expect(lines).toHaveLength(1);
    const fields = JSON.parse(lines[0]!.slice(lines[0]!.indexOf('{'))) as Record<string, unknown>;
    expect(fields).toMatchObject({ method: 'GET', path: `/renders/${RENDER_ID}`, status: 200, attempt: 1, requestId: 'rid-77' });
    expect(typeof fields.durationMs).toBe('number');
  });

  it('REELKIT_LOG picks the level; the default (warn) stays quiet on success; logLevel wins over the variable', async () => {
    vi.stubEnv('REELKIT_LOG', 'debug');
    expect((await oneCall()).map((l) => l.split(' ')[0])).toEqual(['debug', 'info']);
    expect(await oneCall({ logLevel: 'off' })).toEqual([]);
    vi.stubEnv('REELKIT_LOG', '');
    expect(await oneCall()).toEqual([]);
  });

  it('logs to the console when no logger is given', async () => {
    vi.stubEnv('REELKIT_LOG', 'info');
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const s = await startServer((_req, res) => json(res, 200, render()));
    servers.push(s);
    await createCreatomateClient({ apiKey: KEY, baseUrl: `${s.url}/v1`, rateLimit: false }).GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(info).toHaveBeenCalledTimes(1);
    expect(String(info.mock.calls[0]![0])).toMatch(/GET \/renders\/.* 200/);
  });
});
