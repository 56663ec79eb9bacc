// Refused before the network, as a RequestValidationError naming the field: what JSON cannot carry,
// a body over the vendor's limit, a header fetch would refuse. And failures fetch raises before
// sending anything are "never sent" (maybeSubmitted false), so nobody reconciles them forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createCreatomateClient, RequestValidationError } from '../src/index.js';
import { MAX_BODY_BYTES } from '../src/rules/creatomate.js';
import { json, render, startServer, TEMPLATE_ID, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 202, [render()]));
});
afterAll(() => server.close());

const client = (options: Parameters<typeof createCreatomateClient>[0] = {}) =>
  createCreatomateClient({ apiKey: 'preflight-key-0123', baseUrl: `${server.url}/v1`, rateLimit: false, ...options });

async function refused(call: Promise<unknown>): Promise<RequestValidationError> {
  const before = server.received.length;
  const err = await call.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RequestValidationError);
  expect(server.received.length).toBe(before);
  return err as RequestValidationError;
}

type Body = { template_id: string; modifications?: Record<string, unknown> };

describe('refused before sending', () => {
  it('a null or non-object body, in every validation mode', async () => {
    for (const validate of ['strict', 'off'] as const) {
      for (const body of [null, 5, 'text']) {
        const err = await refused(client({ validate }).POST('/renders', { body: body as unknown as Body }));
        expect(err.issues[0]?.path).toBe('body');
      }
    }
  });

  it('a BigInt or a circular reference, naming the field', async () => {
    const big = await refused(client().POST('/renders', { body: { template_id: TEMPLATE_ID, modifications: { Count: 10n } } }));
    expect(big.issues).toEqual([{ path: 'body.modifications.Count', message: expect.stringMatching(/BigInt/) as string }]);
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    const circular = await refused(client().POST('/renders', { body: { template_id: TEMPLATE_ID, modifications: { Loop: loop } } }));
    expect(circular.issues[0]).toMatchObject({ path: 'body.modifications.Loop.self', message: expect.stringMatching(/circular/) as string });
  });

  it('a body over the vendor limit (rules/creatomate), one huge value or many keys', async () => {
    const huge = { template_id: TEMPLATE_ID, modifications: { Text: 'x'.repeat(MAX_BODY_BYTES) } };
    expect((await refused(client().POST('/renders', { body: huge }))).message).toMatch(/at most 5242880/);
    const many = { template_id: TEMPLATE_ID, modifications: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`Key-${i}`, 'value-value'])) };
    await refused(client({ validate: 'off' }).POST('/renders', { body: many }));
    // Multi-byte text is measured in bytes, not characters.
    const wide = { template_id: TEMPLATE_ID, modifications: { Text: '€'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 10) } };
    await refused(client().POST('/renders', { body: wide }));
  });

  it('an extra header fetch would refuse, naming the header but not its value', async () => {
    const err = await refused(client().GET('/renders', { headers: { 'X-Trace': 'secret-value\nInjected: 1' } }));
    expect(err.issues[0]?.path).toBe('headers.X-Trace');
    expect(err.message).not.toContain('secret-value');
  });

  it('request options that are not an object', async () => {
    await refused(client().GET('/renders', null as unknown as undefined));
  });
});

describe('never sent', () => {
  it("fetch's bad port is a ConnectionError with maybeSubmitted false, even for a paid POST", async () => {
    // 10080 is on the Fetch standard's list of blocked ports: undici refuses it without connecting.
    const c = createCreatomateClient({ apiKey: 'preflight-key-0123', baseUrl: 'http://127.0.0.1:10080/v1', rateLimit: false, maxRetries: 0 });
    const err = await c.POST('/renders', { body: { template_id: TEMPLATE_ID } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).maybeSubmitted).toBe(false);
  });

  it('a fetch that throws while building the request (a TypeError without a network cause) is never sent', async () => {
    const fetch = () => Promise.reject(new TypeError('Headers.append: "a\nb" is an invalid header value.'));
    const c = createCreatomateClient({ apiKey: 'preflight-key-0123', baseUrl: 'http://x.invalid/v1', rateLimit: false, maxRetries: 0, fetch });
    const err = await c.POST('/renders', { body: { template_id: TEMPLATE_ID } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).maybeSubmitted).toBe(false);
  });
});
