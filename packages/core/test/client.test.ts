import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createCreatifyClient,
  createCreatomateClient,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReelkitError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  type CreatomateClientOptions,
} from '../src/index.js';
import { CREATIFY_JOB_ID, creatifyJob, json, memoryLogger, render, RENDER_ID, startServer, TEMPLATE_ID, type Handler, type TestServer } from './helpers.js';

const KEY = 'cm-test-key-0123456789abcdef';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

async function serve(handler: Handler) {
  server = await startServer(handler);
  return server;
}

function cm(url: string, options: CreatomateClientOptions = {}) {
  return createCreatomateClient({ apiKey: KEY, baseUrl: `${url}/v1`, rateLimit: false, maxRetries: 0, ...options });
}

describe('typed calls', () => {
  it('GET resolves to the parsed body, keeping fields the spec does not know', async () => {
    const s = await serve((_req, res) => json(res, 200, render({ brand_new_field: { nested: 1 } })));
    const data = await cm(s.url).GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(data).toMatchObject({ id: RENDER_ID, status: 'succeeded', brand_new_field: { nested: 1 } });
    expect(s.received[0]).toMatchObject({ method: 'GET', url: `/v1/renders/${RENDER_ID}` });
    expect(s.received[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(s.received[0]!.headers['user-agent']).toMatch(/^reelkit-core\//);
  });

  it('POST sends the body exactly as given (no schema defaults added) and returns the created renders', async () => {
    const s = await serve((_req, res, body) => json(res, 202, [render({ status: 'planned', url: null, metadata: (JSON.parse(body) as { metadata: string }).metadata })]));
    const body = { template_id: TEMPLATE_ID, modifications: { 'Text-1': 'hi' }, metadata: 'm1' };
    const renders = await cm(s.url).POST('/renders', { body });
    expect(renders).toHaveLength(1);
    expect(renders[0]!.metadata).toBe('m1');
    expect(JSON.parse(s.received[0]!.body)).toEqual(body);
    expect(s.received[0]!.headers['content-type']).toBe('application/json');
  });

  it('serializes query parameters and DELETE works', async () => {
    const s = await serve((req, res) => json(res, 200, req.method === 'DELETE' ? render() : [render()]));
    const client = cm(s.url);
    await client.GET('/renders', { params: { query: { template_id: TEMPLATE_ID, limit: 5 } } });
    await client.DELETE('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(s.received.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /v1/renders?template_id=${TEMPLATE_ID}&limit=5`, `DELETE /v1/renders/${RENDER_ID}`]);
  });

  it('withResponse gives the raw Response and the request id alongside the data', async () => {
    const s = await serve((_req, res) => json(res, 200, render(), { 'x-request-id': 'req-42', 'x-extra': 'yes' }));
    const { data, response, requestId } = await cm(s.url).withResponse.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(data.id).toBe(RENDER_ID);
    expect(requestId).toBe('req-42');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-extra')).toBe('yes');
  });

  it('takes the base URL from REELKIT_CREATOMATE_URL and the key from CREATOMATE_API_KEY', async () => {
    const s = await serve((_req, res) => json(res, 200, render()));
    vi.stubEnv('REELKIT_CREATOMATE_URL', `${s.url}/v1`);
    vi.stubEnv('CREATOMATE_API_KEY', 'env-key-abcdef');
    const client = createCreatomateClient({ rateLimit: false });
    expect(client.baseUrl).toBe(`${s.url}/v1`);
    await client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(s.received[0]!.headers.authorization).toBe('Bearer env-key-abcdef');
  });
});

describe('construction', () => {
  it('a missing Creatomate key names CREATOMATE_API_KEY', () => {
    vi.stubEnv('CREATOMATE_API_KEY', '');
    expect(() => createCreatomateClient()).toThrow(/CREATOMATE_API_KEY/);
    expect(() => createCreatomateClient()).toThrow(ReelkitError);
  });

  it('missing Creatify credentials name the variables that are missing', () => {
    vi.stubEnv('CREATIFY_API_ID', '');
    vi.stubEnv('CREATIFY_API_KEY', '');
    expect(() => createCreatifyClient()).toThrow(/CREATIFY_API_ID.*CREATIFY_API_KEY/);
    expect(() => createCreatifyClient({ apiId: 'id-123456' })).toThrow(/set CREATIFY_API_KEY/);
  });

  it('defaults to the spec servers', () => {
    vi.stubEnv('REELKIT_CREATOMATE_URL', '');
    vi.stubEnv('REELKIT_CREATIFY_URL', '');
    expect(createCreatomateClient({ apiKey: KEY }).baseUrl).toBe('https://api.creatomate.com/v1');
    expect(createCreatifyClient({ apiId: 'id-123456', apiKey: KEY }).baseUrl).toBe('https://api.creatify.ai');
  });

  it('rate limits Creatomate by default (30 per 10 s) and Creatify only when asked', () => {
    expect(createCreatomateClient({ apiKey: KEY }).toJSON()).toMatchObject({ rateLimit: { requests: 30, windowMs: 10_000 } });
    expect(createCreatomateClient({ apiKey: KEY, rateLimit: false }).toJSON()).toMatchObject({ rateLimit: false });
    expect(createCreatifyClient({ apiId: 'id-123456', apiKey: KEY }).toJSON()).toMatchObject({ rateLimit: false });
    expect(createCreatifyClient({ apiId: 'id-123456', apiKey: KEY, rateLimit: { requests: 5, windowMs: 1000 } }).toJSON()).toMatchObject({
      rateLimit: { requests: 5, windowMs: 1000 },
    });
  });

  it('rejects nonsensical options at construction', () => {
    expect(() => createCreatomateClient({ apiKey: KEY, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createCreatomateClient({ apiKey: KEY, maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => createCreatomateClient({ apiKey: KEY, rateLimit: { requests: 0, windowMs: 1000 } })).toThrow(/rateLimit.requests/);
  });

  it('a client serializes and prints without its key', () => {
    const client = createCreatifyClient({ apiId: 'creatify-id-987654', apiKey: KEY });
    for (const text of [JSON.stringify(client), String(client), inspect(client, { depth: 10 })]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('creatify-id-987654');
    }
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({ vendor: 'creatify', baseUrl: 'https://api.creatify.ai' });
  });
});

describe('request validation', () => {
  it('rejects a wrong-typed body field before any network call, naming the field path', async () => {
    const s = await serve((_req, res) => json(res, 202, []));
    const err = await cm(s.url)
      // @ts-expect-error wrong type on purpose
      .POST('/renders', { body: { template_id: 'not-a-uuid', output_format: 'avi' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestValidationError);
    const issues = (err as RequestValidationError).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['body.template_id', 'body.output_format']));
    expect((err as Error).message).toMatch(/body\.template_id/);
    expect(s.received).toHaveLength(0);
  });

  it('names unknown body fields of a closed schema and invalid path params', async () => {
    const s = await serve((_req, res) => json(res, 200, render()));
    const client = cm(s.url);
    // @ts-expect-error unknown field on purpose
    const e1 = await client.POST('/renders', { body: { template_id: TEMPLATE_ID, colour: 'red' } }).catch((e: unknown) => e);
    expect((e1 as RequestValidationError).issues).toEqual([{ path: 'body.colour', message: 'unknown field (not in the spec)' }]);
    const e2 = await client.GET('/renders/{id}', { params: { path: { id: '../admin' } } }).catch((e: unknown) => e);
    expect((e2 as RequestValidationError).issues[0]!.path).toBe('path.id');
    const e3 = await client.GET('/renders', { params: { query: { limit: 1000 } } }).catch((e: unknown) => e);
    expect((e3 as RequestValidationError).issues[0]!.path).toBe('query.limit');
    expect(s.received).toHaveLength(0);
  });

  it("validate: 'off' sends without checking; userAgent is appended to reelkit's", async () => {
    const s = await serve((_req, res) => json(res, 200, render()));
    await cm(s.url, { validate: 'off', userAgent: 'my-app/2.0' }).GET('/renders/{id}', { params: { path: { id: 'short' } } });
    expect(s.received[0]!.url).toBe('/v1/renders/short');
    expect(s.received[0]!.headers['user-agent']).toMatch(/^reelkit-core\/\S+ my-app\/2\.0$/);
  });

  it("validate: 'warn' logs the problem and sends anyway", async () => {
    const s = await serve((_req, res) => json(res, 200, render()));
    const logger = memoryLogger();
    await cm(s.url, { validate: 'warn', logger }).GET('/renders/{id}', { params: { path: { id: 'short' } } });
    expect(s.received).toHaveLength(1);
    expect(logger.lines.some((l) => l.startsWith('warn') && l.includes('path.id'))).toBe(true);
  });
});

describe('response validation', () => {
  const broken = render({ status: 42, url: undefined });

  it('strict: a wrong-typed or missing field throws with the field path and a body excerpt', async () => {
    const s = await serve((_req, res) => json(res, 200, broken));
    const err = await cm(s.url)
      .GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    const e = err as ResponseValidationError;
    expect(e.issues.map((i) => i.path).sort()).toEqual(['status', 'url']);
    expect(e.bodyExcerpt).toContain(RENDER_ID);
    expect(e.message).toMatch(/status/);
  });

  it('the default (tolerant) still refuses a body of the wrong shape; off returns it silently', async () => {
    const s = await serve((_req, res) => json(res, 200, broken));
    const offLog = memoryLogger();
    const err = await cm(s.url).GET('/renders/{id}', { params: { path: { id: RENDER_ID } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).issues.map((i) => i.path).sort()).toEqual(['status', 'url']);
    const b = await cm(s.url, { validate: { response: 'off' }, logger: offLog }).GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    expect(b).toMatchObject({ status: 42 });
    expect(offLog.lines).toHaveLength(0);
  });

  it('a 200 with an HTML page or truncated JSON is a typed error with an excerpt, not a SyntaxError', async () => {
    const bodies = ['<html><body><h1>Welcome to the captive portal</h1></body></html>', '{"id":"6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b","stat'];
    let i = 0;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(bodies[i++]);
    });
    const client = cm(s.url);
    for (const fragment of ['captive portal', '"stat']) {
      const err = await client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResponseValidationError);
      expect((err as ResponseValidationError).bodyExcerpt).toContain(fragment);
      expect((err as Error).message).toMatch(/not JSON/);
    }
  });

  it('an unreadable 2xx answer to a POST is marked maybeSubmitted (the server accepted the work); to a GET it is not', async () => {
    const s = await serve((req, res) => json(res, req.method === 'POST' ? 202 : 200, req.method === 'POST' ? [{ id: 'x' }] : broken));
    const post = (await cm(s.url)
      .POST('/renders', { body: { template_id: TEMPLATE_ID } })
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(post).toBeInstanceOf(ResponseValidationError);
    expect(post.maybeSubmitted).toBe(true);
    // What the server did send is kept, so the caller can find what was created.
    expect(post.data).toEqual([{ id: 'x' }]);
    const get = (await cm(s.url)
      .GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(get.maybeSubmitted).toBe(false);
    expect(s.received.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a body cut off before Content-Length is reached is a ConnectionError', async () => {
    const s = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      res.write('{"id":"');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const err = await cm(s.url)
      .GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
  });
});

describe('error mapping', () => {
  const cases: [number, unknown, new (...args: never[]) => ApiError][] = [
    [400, { hint: 'template_id is unknown', documentation_url: 'https://creatomate.com/docs/api/errors' }, BadRequestError],
    [401, { hint: 'Invalid API key' }, AuthenticationError],
    [402, { hint: 'Not enough credits' }, InsufficientCreditsError],
    [403, { hint: 'Forbidden' }, PermissionDeniedError],
    [404, { hint: 'No such render' }, NotFoundError],
    [409, { hint: 'Busy' }, ConflictError],
    [429, { hint: 'Slow down' }, RateLimitError],
    [500, { hint: 'Oops' }, ServerError],
    [418, { hint: 'Teapot' }, ApiError],
  ];

  it.each(cases)('%i maps to its class with hint, status, request id and body', async (status, body, Ctor) => {
    const s = await serve((_req, res) => json(res, status, body, { 'x-request-id': `rid-${status}`, 'retry-after': '3' }));
    const err = await cm(s.url)
      .GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Ctor);
    const e = err as ApiError;
    expect(e).toMatchObject({ status, method: 'GET', path: `/renders/${RENDER_ID}`, requestId: `rid-${status}`, hint: (body as { hint: string }).hint, body });
    expect(e.message).toContain((body as { hint: string }).hint);
    if (status === 400) expect(e.documentation_url).toBe('https://creatomate.com/docs/api/errors');
    if (status === 429) expect((e as RateLimitError).retryAfterMs).toBe(3000);
  });

  it('an HTML 502 from a proxy becomes a ServerError with a short excerpt', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'nginx '.repeat(200)}</body></html>`;
    const s = await serve((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(page);
    });
    const err = await cm(s.url)
      .GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    const e = err as ServerError;
    expect(e.bodyExcerpt).toMatch(/^<html><head><title>502 Bad Gateway/);
    expect(e.bodyExcerpt!.length).toBeLessThanOrEqual(201);
    expect(e.message).toContain('502 Bad Gateway');
    expect(e.body).toBeUndefined();
  });

  it('JSON.stringify of an API error carries the fields, not the request headers', async () => {
    const s = await serve((_req, res) => json(res, 404, { hint: 'No such render' }));
    const err = (await cm(s.url)
      .GET('/renders/{id}', { params: { path: { id: RENDER_ID } } })
      .catch((e: unknown) => e)) as NotFoundError;
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ name: 'NotFoundError', status: 404, hint: 'No such render', message: err.message });
  });
});

describe('Creatify', () => {
  function cf(url: string) {
    return createCreatifyClient({ apiId: 'cf-id-0001', apiKey: 'cf-key-0002', baseUrl: url, maxRetries: 0 });
  }

  it('sends X-API-ID and X-API-KEY and validates the job', async () => {
    const s = await serve((_req, res) => json(res, 200, creatifyJob()));
    const job = await cf(s.url).GET('/api/custom_template_jobs/{id}/', { params: { path: { id: CREATIFY_JOB_ID } } });
    expect(job.status).toBe('pending');
    expect(s.received[0]!.headers).toMatchObject({ 'x-api-id': 'cf-id-0001', 'x-api-key': 'cf-key-0002' });
    expect(s.received[0]!.url).toBe(`/api/custom_template_jobs/${CREATIFY_JOB_ID}/`);
  });

  it('maps DRF error bodies: message arrays, field maps and {detail}', async () => {
    const bodies: [number, unknown][] = [
      [400, ['Template not found.', 'Try again.']],
      [400, { template_id: ['This field is required.'], variables: ['Not a valid object.', 'Too short.'], non_field_errors: ['Bad input.'] }],
      [401, { detail: 'Invalid API credentials.' }],
      [404, { detail: 'Not found.' }],
    ];
    let i = 0;
    const s = await serve((_req, res) => {
      const [status, body] = bodies[i++]!;
      json(res, status, body);
    });
    const client = cf(s.url);
    const get = () =>
      client.GET('/api/custom_template_jobs/{id}/', { params: { path: { id: CREATIFY_JOB_ID } } }).then(
        () => expect.unreachable(),
        (e: unknown) => e as ApiError,
      );
    const a = await get();
    expect(a).toBeInstanceOf(BadRequestError);
    expect(a.hint).toBe('Template not found.; Try again.');
    const b = await get();
    expect(b.fieldErrors).toEqual({ template_id: ['This field is required.'], variables: ['Not a valid object.', 'Too short.'], non_field_errors: ['Bad input.'] });
    expect(b.hint).toBe('template_id: This field is required.; variables: Not a valid object., Too short.; Bad input.');
    const c = await get();
    expect(c).toBeInstanceOf(AuthenticationError);
    expect(c.hint).toBe('Invalid API credentials.');
    const d = await get();
    expect(d).toBeInstanceOf(NotFoundError);
    expect(d.message).toContain('Not found.');
  });

  it('validates Creatify request bodies against the spec', async () => {
    const s = await serve((_req, res) => json(res, 201, creatifyJob()));
    const err = await cf(s.url)
      .POST('/api/custom_template_jobs/', {
        // Type-correct (the spec's catch-all variable kind accepts it), but `text` needs a string content.
        body: { template_id: TEMPLATE_ID, variables: { title: { type: 'text', properties: { content: 5 } } } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestValidationError);
    expect((err as RequestValidationError).issues[0]!.path).toMatch(/^body\.variables\.title/);
    expect(s.received).toHaveLength(0);
  });

  it('does not follow a redirect, so the API key never reaches another server', async () => {
    const elsewhere = await serve((_req, res) => json(res, 200, creatifyJob()));
    const s = await serve((_req, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/api/custom_template_jobs/${CREATIFY_JOB_ID}/` });
      res.end();
    });
    const err = await cf(s.url)
      .GET('/api/custom_template_jobs/{id}/', { params: { path: { id: CREATIFY_JOB_ID } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(String(err)).not.toContain('cf-key-0002');
    expect(s.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
  });
});
