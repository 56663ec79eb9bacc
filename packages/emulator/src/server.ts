// The HTTP face of the emulator: Hono routes for every operation of both specs, with each vendor's
// auth, validation (from core's generated zod schemas), errors, rate limit and fault injection,
// plus the admin API under /__emulator.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { operationSchemas as creatomateOps } from '@reelkit/core/creatomate';
import { operationSchemas as creatifyOps } from '@reelkit/core/creatify';
import type { z } from 'zod';
import { Clock, type EmulatorClock } from './clock.js';
import { Engine, accountId, maskKey, type EmulatorStateAccounts } from './engine.js';
import {
  creatifyDetail, creatifyValidation, creatomateError, creatomateHint, drfErrors, type ErrorReply, type Vendor,
} from './errors.js';
import { Faults, validateFault, type FaultRule, type FaultState } from './faults.js';
import { CONTENT_TYPES } from './outputs.js';
import { Random } from './random.js';
import { CREATOMATE_RATE_LIMIT, SlidingWindowLimiter, type RateLimitOptions } from './ratelimit.js';
import { JsonlStore } from './store.js';
import { MAX_JSON_DEPTH, jsonDepthExceeds } from './limits.js';
import { MAX_BODY_BYTES as CREATOMATE_MAX_BODY } from '@reelkit/core/rules/creatomate';
import { MAX_BODY_BYTES as CREATIFY_MAX_BODY } from '@reelkit/core/rules/creatify';
import { Webhooks, type WebhookAttempt, type WebhookOptions } from './webhooks.js';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. The CLI defaults to 4010. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** `manual`: time moves only with `clock.advance()` (tests). `real` (default): wall-clock × `speed`. */
  clock?: 'manual' | 'real';
  /** Lifecycle speed multiplier for the real clock (default 1; 10 = ten times faster). */
  speed?: number;
  /** Makes ids and fault draws reproducible. */
  seed?: string | number;
  /** Directory to keep state in across restarts (JSON-lines log); in-memory when omitted. */
  data?: string;
  /** Accepted API keys. Default: any non-empty key. Creatify accepts `X-API-KEY` or `X-API-ID:X-API-KEY`. */
  keys?: readonly string[];
  /** Creatomate's per-key limit (default 30 requests per 10 000 ms, sliding); `false` turns it off. */
  rateLimit?: false | RateLimitOptions;
  /** Faults active from the start (see FaultRule). */
  faults?: readonly FaultRule[];
  /** Largest accepted request body in bytes (default 5 MiB); larger ones get 413. */
  bodyLimit?: number;
  webhooks?: WebhookOptions;
  /**
   * Check every success response against the spec's response schema before sending it, and answer
   * 500 if it does not match (default true): the emulator never sends a body the spec forbids.
   */
  validateResponses?: boolean;
}

export interface EmulatorState {
  clock: { mode: 'manual' | 'real'; now: string; speed: number };
  rateLimit: RateLimitOptions | false;
  faults: FaultState[];
  webhookAttempts: number;
  /** One entry per API key seen (the key masked). */
  accounts: EmulatorStateAccounts;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/v1' (Creatomate base URL) */
  creatomateUrl: string;
  /** url (Creatify base URL; its paths start with /api) */
  creatifyUrl: string;
  port: number;
  clock: EmulatorClock;
  /** Everything the admin `GET /__emulator/state` returns. */
  state(): EmulatorState;
  /** Forgets every render, job, webhook attempt and rate-limit window; faults go back to the start options. */
  reset(): void;
  faults: {
    list(): FaultState[];
    add(rule: FaultRule | readonly FaultRule[]): void;
    set(rules: readonly FaultRule[]): void;
    clear(): void;
  };
  webhooks: {
    /** Every delivery attempt, oldest first. */
    deliveries(): WebhookAttempt[];
    /** Resolves when no delivery is in flight. */
    idle(): Promise<void>;
    clear(): void;
  };
  close(): Promise<void>;
}

type Env = { Bindings: HttpBindings; Variables: { account: string; label: string } };
type AnyOp = {
  operationId: string;
  method: string;
  path: string;
  successStatus: number;
  bodyRequired: boolean;
  body: z.ZodType | undefined;
  path_params: z.ZodType | undefined;
  query: z.ZodObject | undefined;
  response: z.ZodType;
};

const LISTEN_BACKLOG = 4096;

const BAD_GATEWAY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const send = (c: Context, reply: ErrorReply) => c.json(reply.body as object, reply.status);

/** Query strings carry text; numbers in the schema are coerced field by field. */
function coerceQuery(schema: z.ZodObject, raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, raw);
  for (const [key, value] of Object.entries(raw)) {
    const field = Object.hasOwn(schema.shape, key) ? schema.shape[key] as z.ZodType : undefined;
    if (field && !field.safeParse(value).success && value.trim() !== '' && field.safeParse(Number(value)).success) out[key] = Number(value);
  }
  return out;
}

// eslint-disable-next-line max-lines-per-function -- TODO(emulator): split startEmulator into named parts (issue 10 §7, lint limit 80)
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new Clock(options.clock ?? 'real', options.speed ?? 1);
  const webhooks = new Webhooks(options.webhooks);
  const store = options.data ? new JsonlStore(options.data) : undefined;
  const engine = new Engine({ clock, random: new Random(options.seed, 'ids'), webhooks, store });
  const faults = new Faults(options.seed, options.faults ?? []);
  const initialFaults = faults.list();
  const limiter = options.rateLimit === false ? undefined : new SlidingWindowLimiter(options.rateLimit ?? CREATOMATE_RATE_LIMIT);
  const keys = options.keys && options.keys.length > 0 ? new Set(options.keys) : undefined;
  const validateResponses = options.validateResponses ?? true;
  const maxBody = (vendor: Vendor) => options.bodyLimit ?? (vendor === 'creatify' ? CREATIFY_MAX_BODY : CREATOMATE_MAX_BODY);

  const app = new Hono<Env>();

  const vendorOf = (path: string): Vendor | undefined =>
    path === '/v1' || path.startsWith('/v1/') ? 'creatomate' : path.startsWith('/api/') ? 'creatify' : undefined;
  const notFound = (vendor: Vendor | undefined): ErrorReply =>
    vendor === 'creatify' ? creatifyDetail(404, 'Not found.', 'not_found') : creatomateError(404, 'The requested resource was not found.');

  app.onError((err, c) => {
    // A client that hangs up mid-body is not the emulator's error; anything else is worth a log line.
    const aborted = err.message === 'aborted' || (err as { code?: string }).code === 'ECONNRESET';
    if (!aborted) console.error('[emulator] unhandled error:', err);
    const vendor = vendorOf(c.req.path);
    return send(c, vendor === 'creatify' ? creatifyDetail(500, 'A server error occurred.') : creatomateError(500, 'An internal error occurred.'));
  });
  app.notFound((c) => send(c, notFound(vendorOf(c.req.path))));

  // Every answer carries a request id, so SDK logs and errors can name the exchange.
  let requestCount = 0;
  app.use('*', async (c, next) => {
    c.header('x-request-id', `emu_${(++requestCount).toString(36)}`);
    await next();
  });

  // The admin API takes the same limit as Creatomate: a control plane is no excuse for unbounded bodies.
  for (const [prefix, vendor] of [['/v1/*', 'creatomate'], ['/api/*', 'creatify'], ['/__emulator/*', 'creatomate']] as const) {
    const limit: MiddlewareHandler<Env> = bodyLimit({
      maxSize: maxBody(vendor),
      onError: (c) => send(c, vendor === 'creatify'
        ? creatifyDetail(413, `Request body exceeds the limit of ${maxBody(vendor)} bytes.`)
        : creatomateError(413, `The request body exceeds the limit of ${maxBody(vendor)} bytes.`)),
    });
    // Only for methods with a body: the check builds a full Request, which GETs do not need.
    const withBody: MiddlewareHandler<Env> = (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
    app.use(prefix, withBody);
  }

  // ---- per-route chain: auth → rate limit → faults → handler ----

  // Hashing and masking a key on every request costs more than the lookup it feeds; remember them.
  const identities = new Map<string, { account: string; label: string }>();
  const identity = (vendor: Vendor, credential: readonly string[], label: () => string) => {
    const cacheKey = JSON.stringify([vendor, ...credential]);
    let found = identities.get(cacheKey);
    if (!found) {
      if (identities.size >= 10_000) identities.clear();
      identities.set(cacheKey, (found = { account: accountId(vendor, ...credential), label: label() }));
    }
    return found;
  };

  const creatomateAuth: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S.*)$/i.exec(header.trim());
    if (!m) return send(c, creatomateError(401, 'Missing API key. Send it as "Authorization: Bearer <API key>".'));
    const key = m[1]!.trim();
    if (keys && !keys.has(key)) return send(c, creatomateError(401, 'The API key is invalid.'));
    const who = identity('creatomate', [key], () => maskKey(key));
    c.set('account', who.account);
    c.set('label', who.label);
    if (limiter && !limiter.take(c.get('account'))) {
      return send(c, creatomateError(429, `Too many requests: at most ${limiter.options.requests} requests per ${limiter.options.windowMs / 1000} seconds per API key.`));
    }
    await next();
  };

  const creatifyAuth: MiddlewareHandler<Env> = async (c, next) => {
    const id = c.req.header('x-api-id')?.trim();
    const key = c.req.header('x-api-key')?.trim();
    if (!id || !key) return send(c, creatifyDetail(401, 'Authentication credentials were not provided.', 'not_authenticated'));
    if (keys && !keys.has(key) && !keys.has(`${id}:${key}`)) return send(c, creatifyDetail(401, 'Incorrect authentication credentials.', 'authentication_failed'));
    const who = identity('creatify', [id, key], () => `${maskKey(id)} / ${maskKey(key)}`);
    c.set('account', who.account);
    c.set('label', who.label);
    await next();
  };

  const faultInjector = (op: AnyOp, vendor: Vendor): MiddlewareHandler<Env> => async (c, next) => {
    const fault = faults.pick(op.operationId, c.req.method, c.req.path);
    if (!fault) return next();
    switch (fault.kind) {
      case 'latency':
        await new Promise((r) => setTimeout(r, fault.latencyMs ?? 1000));
        return next();
      case '500':
        return send(c, vendor === 'creatify' ? creatifyDetail(500, 'A server error occurred.') : creatomateError(500, 'An internal error occurred. Please try again.'));
      case '502':
        return c.html(BAD_GATEWAY, 502);
      case 'truncated': {
        await next();
        const { status } = c.res;
        const text = await c.res.text();
        const headers = new Headers(c.res.headers);
        headers.delete('content-length');
        c.res = undefined; // replace, don't merge, the handler's response
        c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status, headers });
        return;
      }
      case 'drop': {
        await next(); // the request is processed (and committed) first
        c.env.incoming.socket.destroy();
        return;
      }
    }
  };

  const chain = (op: AnyOp, vendor: Vendor) => [vendor === 'creatomate' ? creatomateAuth : creatifyAuth, faultInjector(op, vendor)] as const;

  /** Parses path, query and body of `op`; the vendor's error reply when they fail. */
  async function parse(c: Context<Env>, op: AnyOp, vendor: Vendor): Promise<{ path: Record<string, string>; query: Record<string, unknown>; body: unknown } | ErrorReply> {
    await engine.settle();
    let path: Record<string, string> = {};
    if (op.path_params) {
      const r = op.path_params.safeParse(c.req.param());
      if (!r.success) return notFound(vendor);
      path = r.data as Record<string, string>;
    }
    let query: Record<string, unknown> = {};
    if (op.query) {
      const r = op.query.safeParse(coerceQuery(op.query, c.req.query()));
      if (!r.success) return vendor === 'creatify' ? creatifyValidation(drfErrors(r.error)) : creatomateError(400, creatomateHint(r.error, 'query'));
      query = r.data;
    }
    let body: unknown;
    if (op.body) {
      const text = await c.req.text();
      if (jsonDepthExceeds(text)) {
        const why = `The request body is nested more than ${MAX_JSON_DEPTH} levels deep (the emulator's limit).`;
        return vendor === 'creatify' ? creatifyValidation({ detail: why }) : creatomateError(400, why);
      }
      if (text.trim() === '') {
        // DRF reads an empty body as {} (so required fields are reported); Creatomate says so plainly.
        if (op.bodyRequired && vendor === 'creatomate') return creatomateError(400, 'The request body is empty. Send a JSON object.');
        body = {};
      } else {
        try {
          body = JSON.parse(text);
        } catch (err) {
          const why = (err as Error).message;
          return vendor === 'creatify' ? creatifyValidation({ detail: `JSON parse error - ${why}` }) : creatomateError(400, `The request body is not valid JSON: ${why}`);
        }
      }
      const r = op.body.safeParse(body);
      if (!r.success) {
        if (vendor === 'creatify') {
          const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
          return creatifyValidation(isObject ? drfErrors(r.error) : { non_field_errors: ['Invalid data. Expected a dictionary, but got ' + (Array.isArray(body) ? 'list' : typeof body) + '.'] });
        }
        return creatomateError(400, creatomateHint(r.error, 'request body'));
      }
      body = r.data;
    }
    return { path, query, body };
  }

  const isError = (x: unknown): x is ErrorReply => typeof x === 'object' && x !== null && 'status' in x && 'body' in x && !('id' in x);

  /** Sends a success body, after checking it against the operation's response schema. */
  function ok(c: Context, op: AnyOp, body: unknown): Response {
    if (validateResponses) {
      const r = op.response.safeParse(body);
      if (!r.success) {
        console.error(`[emulator] ${op.operationId} built a response that breaks the spec:`, r.error.issues);
        return c.json({ error: 'emulator response failed spec validation', operationId: op.operationId, issues: r.error.issues }, 500);
      }
    }
    return c.json(body as object, op.successStatus as 200);
  }

  type Handler = (c: Context<Env>, input: { path: Record<string, string>; query: Record<string, unknown>; body: unknown }) => Response;
  const route = (vendor: Vendor, op: AnyOp, handler: Handler) => {
    const honoPath = (vendor === 'creatomate' ? '/v1' : '') + op.path.replace(/\{(\w+)\}/g, ':$1');
    const [auth, fault] = chain(op, vendor);
    app.on(op.method, honoPath, auth, fault, async (c) => {
      const input = await parse(c, op, vendor);
      if (isError(input)) return send(c, input);
      return handler(c, input);
    });
  };

  // ---- Creatomate ----
  const cm = creatomateOps as unknown as Record<keyof typeof creatomateOps, AnyOp>;
  route('creatomate', cm.createRender, (c, { body }) => {
    const out = engine.createRenders(c.get('account'), c.get('label'), body as Parameters<Engine['createRenders']>[2]);
    return isError(out) ? send(c, out) : ok(c, cm.createRender, out);
  });
  route('creatomate', cm.listRenders, (c, { query }) =>
    ok(c, cm.listRenders, engine.listRenders(c.get('account'), query as { template_id?: string; limit: number })));
  route('creatomate', cm.getRender, (c, { path }) => {
    const render = engine.getRender(c.get('account'), path.id!);
    return render ? ok(c, cm.getRender, render) : send(c, creatomateError(404, `The render '${path.id}' was not found.`));
  });
  route('creatomate', cm.deleteRender, (c, { path }) => {
    const render = engine.deleteRender(c.get('account'), path.id!);
    return render ? ok(c, cm.deleteRender, render) : send(c, creatomateError(404, `The render '${path.id}' was not found.`));
  });
  route('creatomate', cm.listTemplates, (c, { query }) => {
    const tags = typeof query.tags === 'string' ? query.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
    const list = engine.templates()
      .filter((t) => tags.length === 0 || (t.tags ?? []).some((tag) => tags.includes(tag)))
      .slice(0, query.limit as number)
      .map(({ source: _source, ...meta }) => meta); // the list never carries sources
    return ok(c, cm.listTemplates, list);
  });
  route('creatomate', cm.getTemplate, (c, { path }) => {
    const t = engine.templates().find((x) => x.id === path.id);
    return t ? ok(c, cm.getTemplate, t) : send(c, creatomateError(404, `The template '${path.id}' was not found.`));
  });

  // ---- Creatify ----
  const cf = creatifyOps as unknown as Record<keyof typeof creatifyOps, AnyOp>;
  type JobBody = Parameters<Engine['createJob']>[3];
  const jobReply = (c: Context<Env>, op: AnyOp, out: ReturnType<Engine['createJob']> | undefined) =>
    out === undefined ? send(c, creatifyDetail(404, 'Not found.', 'not_found')) : isError(out) ? send(c, out) : ok(c, op, out);
  route('creatify', cf.custom_template_jobs_create, (c, { body }) =>
    jobReply(c, cf.custom_template_jobs_create, engine.createJob(c.get('account'), c.get('label'), 'create', body as JobBody)));
  route('creatify', cf.custom_template_jobs_preview_async_create, (c, { body }) =>
    jobReply(c, cf.custom_template_jobs_preview_async_create, engine.createJob(c.get('account'), c.get('label'), 'preview', body as JobBody)));
  route('creatify', cf.custom_template_jobs_preview_create, (c, { body }) =>
    jobReply(c, cf.custom_template_jobs_preview_create, engine.createJob(c.get('account'), c.get('label'), 'preview', body as JobBody, true)));
  route('creatify', cf.custom_template_jobs_render_create, (c, { path }) =>
    jobReply(c, cf.custom_template_jobs_render_create, engine.renderJob(c.get('account'), path.id!)));
  route('creatify', cf.custom_template_jobs_retrieve, (c, { path }) =>
    jobReply(c, cf.custom_template_jobs_retrieve, engine.getJob(c.get('account'), path.id!)));
  route('creatify', cf.custom_templates_list, (c) =>
    ok(c, cf.custom_templates_list, engine.creatifyTemplates().map(({ variables: _v, video_duration: _d, ...t }) => t)));
  route('creatify', cf.custom_templates_retrieve, (c, { path }) => {
    const t = engine.creatifyTemplates().find((x) => x.template_id === path.template_id);
    if (!t) return send(c, creatifyDetail(404, 'Not found.', 'not_found'));
    const { video_duration: _d, ...detail } = t;
    return ok(c, cf.custom_templates_retrieve, detail);
  });

  // ---- admin & files ----
  const admin = new Hono<Env>();
  const state = (): EmulatorState => {
    engine.sync();
    return {
      clock: { mode: clock.mode, now: new Date(clock.now()).toISOString(), speed: clock.speed },
      rateLimit: limiter ? limiter.options : false,
      faults: faults.list(),
      webhookAttempts: webhooks.deliveries().length,
      accounts: engine.state(),
    };
  };
  const reset = () => {
    engine.reset();
    webhooks.clear();
    limiter?.reset();
    faults.set(initialFaults);
  };
  const readJson = async (c: Context): Promise<unknown> => {
    const text = await c.req.text();
    if (jsonDepthExceeds(text)) throw new Error(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    return text.trim() === '' ? undefined : JSON.parse(text);
  };
  admin.onError((err, c) => c.json({ error: err.message }, 400));
  admin.get('/state', async (c) => {
    await engine.settle();
    return c.json(state());
  });
  // Answered without touching state: what a load balancer or a test polls while the emulator is busy.
  admin.get('/health', (c) => c.json({ ok: true }));
  admin.post('/reset', (c) => {
    reset();
    return c.json(state());
  });
  admin.get('/clock', (c) => c.json({ mode: clock.mode, now: new Date(clock.now()).toISOString(), speed: clock.speed }));
  admin.post('/clock/advance', async (c) => {
    const body = (await readJson(c)) as { ms?: unknown } | undefined;
    const ms = Number(body?.ms ?? c.req.query('ms'));
    if (!(ms >= 0) || !Number.isFinite(ms)) return c.json({ error: 'give {"ms": <non-negative number>}' }, 400);
    clock.advance(ms);
    return c.json({ mode: clock.mode, now: new Date(clock.now()).toISOString(), speed: clock.speed });
  });
  admin.get('/faults', (c) => c.json({ faults: faults.list() }));
  admin.post('/faults', async (c) => {
    const body = await readJson(c);
    faults.add((Array.isArray(body) ? body : [body]).map(validateFault));
    return c.json({ faults: faults.list() });
  });
  admin.put('/faults', async (c) => {
    const body = await readJson(c);
    faults.set((Array.isArray(body) ? body : body === undefined ? [] : [body]).map(validateFault));
    return c.json({ faults: faults.list() });
  });
  admin.delete('/faults', (c) => {
    faults.clear();
    return c.json({ faults: [] });
  });
  admin.get('/webhooks', (c) => c.json({ deliveries: webhooks.deliveries() }));
  admin.delete('/webhooks', (c) => {
    webhooks.clear();
    return c.json({ deliveries: [] });
  });
  const file = (c: Context, bytes: Uint8Array | undefined, type: string) =>
    bytes ? c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'content-length': String(bytes.length), 'cache-control': 'public, max-age=31536000, immutable' }) : c.json({ error: 'not found' }, 404);
  admin.get('/files/renders/:name', async (c) => {
    await engine.settle();
    const m = /^([0-9a-f-]{36})\.(jpg|png|gif|mp4)$/.exec(c.req.param('name'));
    const out = m ? await engine.renderFileById(m[1]!, false) : undefined;
    return file(c, out && out.format === m?.[2] ? out.bytes : undefined, CONTENT_TYPES[(m?.[2] ?? 'png') as 'png']);
  });
  admin.get('/files/snapshots/:name', async (c) => {
    await engine.settle();
    const m = /^([0-9a-f-]{36})\.jpg$/.exec(c.req.param('name'));
    return file(c, m ? (await engine.renderFileById(m[1]!, true))?.bytes : undefined, 'image/jpeg');
  });
  admin.get('/files/jobs/:id/:name', async (c) => {
    engine.sync();
    const name = c.req.param('name');
    const which = name === 'video.mp4' ? 'video' : name === 'preview.mp4' ? 'preview' : undefined;
    return file(c, which ? await engine.jobFileById(c.req.param('id'), which) : undefined, 'video/mp4');
  });
  admin.get('/preview/:id', (c) => {
    engine.sync();
    const id = c.req.param('id');
    if (!engine.hasPreview(id)) return c.html('<!doctype html><title>Not found</title><p>No preview for this job (yet).</p>', 404);
    const src = `${engine.baseUrl}/__emulator/files/jobs/${id}/preview.mp4`;
    return c.html(`<!doctype html><html><head><meta charset="utf-8"><title>Preview ${id}</title></head><body style="margin:0;background:#000"><video src="${src}" controls autoplay muted loop playsinline style="width:100%;height:100vh;object-fit:contain"></video></body></html>`);
  });
  app.route('/__emulator', admin);

  // ---- listen ----
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Node's default accept backlog (511) drops connections of a burst, which then wait for SYN retries
    // (1 s, 3 s, …): a health check behind 2,000 connects waited seconds. The kernel caps it (somaxconn).
    server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1', backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  engine.baseUrl = url;
  engine.sync();

  let closed: Promise<void> | undefined;
  return {
    url,
    creatomateUrl: `${url}/v1`,
    creatifyUrl: url,
    port,
    clock,
    state,
    reset,
    faults: {
      list: () => faults.list(),
      add: (rule) => faults.add(rule),
      set: (rules) => faults.set(rules),
      clear: () => faults.clear(),
    },
    webhooks: {
      deliveries: () => webhooks.deliveries(),
      idle: async () => {
        await engine.settle(); // renders due to finish send their webhooks once their files exist
        await webhooks.idle();
      },
      clear: () => webhooks.clear(),
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        engine.close();
        webhooks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
