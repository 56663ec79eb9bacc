// The middleware every vendor route passes: request id, body limit, auth (with Creatomate's rate
// limit) and fault injection. Unmatched paths and unhandled errors get the vendor's error shape.
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { accountId, maskKey } from '../engine.js';
import { creatifyDetail, creatomateError, type Vendor } from '../errors.js';
import type { Faults } from '../faults.js';
import type { SlidingWindowLimiter } from '../ratelimit.js';
import { notFound, send, vendorOf, type AnyOp, type Env, type EmulatorParts } from './parts.js';

const BAD_GATEWAY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Unhandled errors and unknown paths answer in the shape of the vendor whose prefix was asked. */
export function installFallbacks(app: Hono<Env>): void {
  app.onError((err, c) => {
    // A client that hangs up mid-body is not the emulator's error; anything else is worth a log line.
    const aborted = err.message === 'aborted' || (err as { code?: string }).code === 'ECONNRESET';
    if (!aborted) console.error('[emulator] unhandled error:', err);
    const vendor = vendorOf(c.req.path);
    return send(c, vendor === 'creatify' ? creatifyDetail(500, 'A server error occurred.') : creatomateError(500, 'An internal error occurred.'));
  });
  app.notFound((c) => send(c, notFound(vendorOf(c.req.path))));
}

/** Every answer carries a request id, so SDK logs and errors can name the exchange. */
export function installRequestIds(app: Hono<Env>): void {
  let requestCount = 0;
  app.use('*', async (c, next) => {
    c.header('x-request-id', `emu_${(++requestCount).toString(36)}`);
    await next();
  });
}

/** 413 over the vendor's body limit. The admin API takes Creatomate's: a control plane is no excuse for unbounded bodies. */
export function installBodyLimits(app: Hono<Env>, maxBody: (vendor: Vendor) => number): void {
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
}

type Identity = { account: string; label: string };
type IdentityOf = (vendor: Vendor, credential: readonly string[], label: () => string) => Identity;

/** Hashing and masking a key on every request costs more than the lookup it feeds; remember them (bounded). */
function identityCache(): IdentityOf {
  const identities = new Map<string, Identity>();
  return (vendor, credential, label) => {
    const cacheKey = JSON.stringify([vendor, ...credential]);
    let found = identities.get(cacheKey);
    if (!found) {
      if (identities.size >= 10_000) identities.clear();
      identities.set(cacheKey, (found = { account: accountId(vendor, ...credential), label: label() }));
    }
    return found;
  };
}

function creatomateAuth(keys: ReadonlySet<string> | undefined, limiter: SlidingWindowLimiter | undefined, identity: IdentityOf): MiddlewareHandler<Env> {
  return async (c, next) => {
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
}

function creatifyAuth(keys: ReadonlySet<string> | undefined, identity: IdentityOf): MiddlewareHandler<Env> {
  return async (c, next) => {
    const id = c.req.header('x-api-id')?.trim();
    const key = c.req.header('x-api-key')?.trim();
    if (!id || !key) return send(c, creatifyDetail(401, 'Authentication credentials were not provided.', 'not_authenticated'));
    if (keys && !keys.has(key) && !keys.has(`${id}:${key}`)) return send(c, creatifyDetail(401, 'Incorrect authentication credentials.', 'authentication_failed'));
    const who = identity('creatify', [id, key], () => `${maskKey(id)} / ${maskKey(key)}`);
    c.set('account', who.account);
    c.set('label', who.label);
    await next();
  };
}

/** Applies the first matching fault rule to `op` (see FaultRule); no fault, no effect. */
function faultInjector(faults: Faults, op: AnyOp, vendor: Vendor): MiddlewareHandler<Env> {
  return async (c, next) => {
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
}

/** The per-route chain before the handler: auth (→ rate limit) → faults. */
export type RouteChain = (op: AnyOp, vendor: Vendor) => readonly [MiddlewareHandler<Env>, MiddlewareHandler<Env>];

export function routeChain(parts: Pick<EmulatorParts, 'keys' | 'limiter' | 'faults'>): RouteChain {
  const identity = identityCache();
  const auth = { creatomate: creatomateAuth(parts.keys, parts.limiter, identity), creatify: creatifyAuth(parts.keys, identity) };
  return (op, vendor) => [auth[vendor], faultInjector(parts.faults, op, vendor)] as const;
}
