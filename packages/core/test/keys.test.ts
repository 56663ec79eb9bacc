// The keys corpus: whatever a key looks like (read from a file with its newline, padded, very
// short), it never appears in an error, its headers, its cause or a debug log line, even when the
// server echoes it in the body and in response headers.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreatifyClient, createCreatomateClient, RequestValidationError, type ApiError } from '../src/index.js';
import { json, memoryLogger, RENDER_ID, startServer, TEMPLATE_ID, type TestServer } from './helpers.js';

const KEYS: [string, string][] = [
  ['a trailing newline', 'cm-file-key-0a1b2c3d\n'],
  ['a trailing CRLF', 'cm-crlf-key-4e5f6a7b\r\n'],
  ['surrounding spaces', '  cm-padded-key-8c9d0e1f  '],
  ['three characters', 'q7z'],
];

let server: TestServer;
beforeAll(async () => {
  // Echoes whatever credential it received, in the body and in response headers.
  server = await startServer((req, res, _body, _i) => {
    const auth = String(req.headers.authorization ?? req.headers['x-api-key'] ?? '');
    const echo = { 'x-echo-auth': auth, 'x-api-key': auth, 'www-authenticate': `Bearer realm="${auth}"` };
    if (req.url?.includes('/html')) {
      res.writeHead(502, { 'Content-Type': 'text/html', ...echo });
      return res.end(`<html>upstream saw ${auth}</html>`);
    }
    if (req.method === 'POST') return json(res, 200, [{ id: auth, status: 9 }], echo);
    return json(res, 401, { hint: `Invalid API key: ${auth}`, detail: auth, received: { authorization: auth } }, echo);
  });
});
afterAll(() => server.close());

/** Everything a user could print or inspect about an error. */
function surfaces(err: unknown): string[] {
  const e = err as ApiError & { cause?: unknown };
  const headers = e.headers ? [...e.headers.entries()].map(([k, v]) => `${k}: ${v}`) : [];
  return [e.message, String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 8 }), ...headers, inspect(e.cause, { depth: 8 }), JSON.stringify(e.body ?? null)];
}

function occurrences(texts: string[], raw: string): number {
  const forms = [...new Set([raw, raw.trim()])];
  return texts.reduce((n, t) => n + forms.reduce((m, f) => m + t.split(f).length - 1, 0), 0);
}

describe('keys corpus', () => {
  it.each(KEYS)('a Creatomate key with %s appears nowhere', async (_name, raw) => {
    const logger = memoryLogger();
    const client = createCreatomateClient({ apiKey: raw, baseUrl: `${server.url}/v1`, rateLimit: false, maxRetries: 0, logger, logLevel: 'debug' });
    const errors = await Promise.all([
      client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } }).catch((e: unknown) => e),
      client.POST('/renders', { body: { template_id: TEMPLATE_ID, metadata: raw.trim() } }).catch((e: unknown) => e),
      createCreatomateClient({ apiKey: raw, baseUrl: `${server.url}/html/v1`, rateLimit: false, maxRetries: 0, logger, logLevel: 'debug' }).GET('/renders').catch((e: unknown) => e),
      createCreatomateClient({ apiKey: raw, baseUrl: 'http://127.0.0.1:1/v1', rateLimit: false, maxRetries: 0, logger, logLevel: 'debug' }).GET('/renders').catch((e: unknown) => e),
    ]);
    // The server did receive the trimmed key (fetch would have trimmed it anyway).
    expect(server.received.some((r) => r.headers.authorization === `Bearer ${raw.trim()}`)).toBe(true);
    for (const err of errors) expect(err).toBeInstanceOf(Error);
    expect((errors[0] as ApiError).headers?.get('x-echo-auth')).toContain('[redacted]');
    expect(occurrences(errors.flatMap(surfaces), raw)).toBe(0);
    expect(logger.lines.length).toBeGreaterThan(4);
    expect(occurrences(logger.lines, raw)).toBe(0);
  });

  it.each(KEYS)('a Creatify id and key with %s appear nowhere', async (_name, raw) => {
    const logger = memoryLogger();
    const client = createCreatifyClient({ apiId: raw.replace(raw.trim(), `${raw.trim()}-id`), apiKey: raw, baseUrl: server.url, logger, logLevel: 'debug', maxRetries: 0 });
    const err = await client.GET('/api/custom_template_jobs/{id}/', { params: { path: { id: RENDER_ID } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(occurrences(surfaces(err), raw)).toBe(0);
    expect(occurrences(logger.lines, raw)).toBe(0);
  });

  it('a key with an inner newline or control character is refused at construction, naming the option, never echoing it', () => {
    for (const bad of ['cm-key\nInjected: 1', 'cm-key\u0000tail', 'cm-kéy-\u2028x']) {
      let err: unknown;
      try {
        createCreatomateClient({ apiKey: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RequestValidationError);
      expect((err as Error).message).toMatch(/apiKey/);
      for (const text of surfaces(err)) expect(text).not.toContain('cm-k');
    }
    expect(() => createCreatifyClient({ apiId: 'id\r\nx', apiKey: 'k-0123' })).toThrow(/apiId/);
  });
});
