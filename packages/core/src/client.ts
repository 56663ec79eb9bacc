// The transport every reelkit package goes through: typed GET/POST/DELETE on a spec's `paths`
// (openapi-fetch's types and serializers), per-direction validation with the generated zod schemas,
// timeouts, retries under the money-safety rule (read from the spec), rate limiting, logging and
// redaction. The loop is small named parts: prepare (request.ts), attempt, classify, decide
// (retry.ts), decode (decode.ts), with time behind an injectable Clock.
import type { ParamsOption, RequestBodyOption } from 'openapi-fetch';
import { removeTrailingSlash } from 'openapi-fetch';
import type { ZodType } from 'zod';
import { realClock, realTimer, type Clock } from './clock.js';
import { apiError, decodeSuccess, requestIdOf, type CheckBody, type Exchange } from './decode.js';
import { ConnectionError, ReelkitError, RequestValidationError, TimeoutError } from './errors.js';
import { createInternalLogger, resolveLogLevel, type InternalLogger, type Logger, type LogLevel } from './logger.js';
import type { CallOptions } from './options.js';
import { sharedLimiter, type Lease, type Limiter, type RateLimitOptions, type RateLimitWindow } from './rate-limit.js';
import { createRedactor, redactHeaders, type Redactor } from './redact.js';
import { prepareRequest, type AnyInit, type OperationSchema, type PreparedRequest, type RequestContext } from './request.js';
import { abortError, decideRetry, linkAbort, retryAfterMs, type AttemptOutcome } from './retry.js';
import { excerpt, type ValidationMode } from './validation.js';
import { VERSION } from './generated/version.js';

export type { OperationSchema } from './request.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** Schema checks per direction. See the README for what each mode does. */
export interface ValidateOptions {
  /** Before sending: `strict` (default) refuses with RequestValidationError, `warn` logs and sends, `off` skips. */
  request?: ValidationMode;
  /**
   * Success bodies: `warn` (default) is tolerant — unknown enum values, formats and fields pass and
   * are logged once per process, a body of the wrong shape is a ResponseValidationError; `strict`
   * refuses any mismatch with the spec; `off` only parses JSON (and never loads the schemas).
   */
  response?: ValidationMode;
}

export const DEFAULT_VALIDATE: Required<ValidateOptions> = { request: 'strict', response: 'warn' };

/** Options shared by both vendors' client factories. */
export interface ClientOptions {
  /** Base URL including the spec's path prefix. Default: REELKIT_<VENDOR>_URL, then the spec's server. */
  baseUrl?: string;
  /** A fetch implementation (default: globalThis.fetch). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in ms (default 60 000). A fresh timer starts for every attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). See the README for what is retried. */
  maxRetries?: number;
  /** Schema checks per direction (default `{ request: 'strict', response: 'warn' }`); a string sets both. */
  validate?: ValidationMode | ValidateOptions;
  /** Where log lines go (default console). Lines are already redacted. */
  logger?: Logger;
  /** Default: REELKIT_LOG, else `warn`. */
  logLevel?: LogLevel;
  /** `false` turns client-side rate limiting off; an object sets it (shared per credential). */
  rateLimit?: false | RateLimitOptions;
  /** Appended to reelkit's own User-Agent. */
  userAgent?: string;
  /** Time source for retries, backoff and per-attempt timeouts (tests drive it; default: the real clock). */
  clock?: Clock;
}

/**
 * Per-request options, next to `params` and `body`: the shared CallOptions (`signal`, per-attempt
 * `timeoutMs` overriding the client's, `maxRetries`) plus extra headers. Whether an operation may
 * be repeated is not an option: it comes from the spec (`x-reelkit-repeatable`).
 */
export interface RequestOptions extends CallOptions {
  /** Extra request headers. */
  headers?: Record<string, string>;
}

type HttpMethod = 'get' | 'post' | 'delete';

/** The paths of `Paths` that have an operation for `M`. */
export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: object } ? P : never;
}[keyof Paths] &
  string;

export type OperationOf<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends { [K in M]: infer O } ? O : never;

/** `params` and `body` as the spec defines them (openapi-fetch's typing), plus per-request options. */
export type RequestInitFor<O> = ParamsOption<O> & RequestBodyOption<O> & RequestOptions;

/** The init argument is optional only when the operation requires neither params nor body. */
export type InitArgs<O> = object extends RequestInitFor<O> ? [init?: RequestInitFor<O>] : [init: RequestInitFor<O>];

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;

/**
 * The parsed body of the operation's success response, exactly as the generated types say. (Not
 * openapi-fetch's FetchResponse: its Readable<> maps over `string & {}` and would mangle the open
 * enums of response types. The specs use no readOnly/writeOnly markers for it to strip.)
 */
export type ResponseData<O> = O extends { responses: infer R } ? JsonContent<R[Extract<keyof R, SuccessStatus>]> : never;

export interface WithResponse<T> {
  data: T;
  /** The raw Response (its body has been read). */
  response: Response;
  /** The server's request id (`x-request-id` / `request-id`), when it sent one. */
  requestId: string | undefined;
}

export type MethodCall<Paths, M extends HttpMethod> = <P extends PathsWithMethod<Paths, M>>(
  path: P,
  ...init: InitArgs<OperationOf<Paths, P, M>>
) => Promise<ResponseData<OperationOf<Paths, P, M>>>;

export type MethodCallWithResponse<Paths, M extends HttpMethod> = <P extends PathsWithMethod<Paths, M>>(
  path: P,
  ...init: InitArgs<OperationOf<Paths, P, M>>
) => Promise<WithResponse<ResponseData<OperationOf<Paths, P, M>>>>;

export interface ApiClient<Paths, Vendor extends string = string> {
  readonly vendor: Vendor;
  readonly baseUrl: string;
  /** Resolves to the parsed success body, or throws a ReelkitError. */
  GET: MethodCall<Paths, 'get'>;
  POST: MethodCall<Paths, 'post'>;
  DELETE: MethodCall<Paths, 'delete'>;
  /** The same calls, resolving to `{ data, response, requestId }`. */
  readonly withResponse: {
    GET: MethodCallWithResponse<Paths, 'get'>;
    POST: MethodCallWithResponse<Paths, 'post'>;
    DELETE: MethodCallWithResponse<Paths, 'delete'>;
  };
  /** The client-side rate limit this client waits for (shared per credential), or false when off. */
  readonly rateLimit: Readonly<RateLimitWindow> | false;
  /** Settings only; the credentials are never part of a client's printable state. */
  toJSON(): Record<string, unknown>;
  toString(): string;
}

/** What a vendor factory hands to the shared transport. */
export interface VendorConfig {
  vendor: string;
  baseUrl: string;
  authHeaders: Record<string, string>;
  /** Every secret value to redact (keys, ids), already normalised. */
  secrets: string[];
  /** Identifies the account for the shared rate limiter (hashed before use). */
  credential: string;
  /** The generated request table: policy and request schemas per operation. */
  operations: Readonly<Record<string, OperationSchema>>;
  /** Loads the generated response table (a dynamic import, so bundles that never check responses drop it). */
  loadResponses: () => Promise<Readonly<Record<string, ZodType | undefined>>>;
  defaultRateLimit: false | RateLimitOptions;
  /** The vendor's request body limit (rules/<vendor>.ts). */
  maxBodyBytes: number;
}

type Method = PreparedRequest['method'];
const MODES: readonly ValidationMode[] = ['strict', 'warn', 'off'];

/** Everything a request needs from its client, resolved once at construction. */
interface Transport {
  vendor: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  clock: Clock;
  timeoutMs: number;
  maxRetries: number;
  validate: Required<ValidateOptions>;
  limiter: Limiter | undefined;
  window: Readonly<RateLimitWindow> | undefined;
  redact: Redactor;
  log: InternalLogger;
  requestContext: RequestContext;
  ops: Map<string, OperationSchema>;
  responseSchema: (op: OperationSchema) => Promise<ZodType | undefined>;
  /** The same, without waiting once the table has loaded (undefined before that). */
  responseSchemaNow: (op: OperationSchema) => ZodType | undefined;
  /** The body checker, loaded with the table (undefined before that). */
  checkBody: () => CheckBody | undefined;
}

// Failures where the connection was never established, so the server cannot have seen the request.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
// undici refuses these before opening a connection (Fetch standard "bad port", an invalid URL).
const NOT_SENT_MESSAGES = new Set(['bad port', 'invalid url']);

function errorChain(err: unknown, depth = 0, out: { codes: string[]; messages: string[] } = { codes: [], messages: [] }) {
  if (depth > 5 || err === null || typeof err !== 'object') return out;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };
  if (typeof e.code === 'string') out.codes.push(e.code);
  if (typeof e.message === 'string') out.messages.push(e.message.toLowerCase());
  if (Array.isArray(e.errors)) for (const inner of e.errors) errorChain(inner, depth + 1, out);
  errorChain(e.cause, depth + 1, out);
  return out;
}

/**
 * Provably never sent: every code says "never connected", fetch refused the port or URL, or the
 * Request could not even be built (undici reports network failures as `TypeError('fetch failed')`
 * with a cause; any other TypeError from fetch comes from building the request).
 */
export function neverSent(err: unknown): boolean {
  const { codes, messages } = errorChain(err);
  if (codes.length > 0 && codes.every((c) => NOT_SENT_CODES.has(c))) return true;
  if (messages.some((m) => NOT_SENT_MESSAGES.has(m))) return true;
  return err instanceof TypeError && err.message !== 'fetch failed' && err.cause === undefined;
}

function describeFailure(err: unknown): string {
  const parts: string[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    if (!parts.includes(cur.message)) parts.push(cur.message);
    cur = cur.cause;
  }
  return parts.join(': ') || String(err);
}

type AttemptResult = { ok: true; response: Response; text: string; durationMs: number } | { ok: false; failure: unknown; timedOut: boolean; durationMs: number };

/** One attempt: a fresh controller that our timer and the caller's signal both abort. */
async function attempt(t: Transport, req: PreparedRequest, timeoutMs: number, signal: AbortSignal | undefined, lease: Lease | undefined): Promise<AttemptResult> {
  // Durations only appear in info lines; reading the clock twice per attempt is skipped without them.
  const started = t.log.enabled('info') ? performance.now() : undefined;
  const elapsed = () => (started === undefined ? 0 : Math.round(performance.now() - started));
  const controller = new AbortController();
  let timedOut = false;
  const onTimeout = () => {
    timedOut = true;
    controller.abort();
  };
  const cancelTimer = t.clock.timer ? t.clock.timer(timeoutMs, onTimeout) : realTimer(timeoutMs, onTimeout);
  const unlink = linkAbort(signal, controller);
  try {
    // redirect: 'error' — neither API redirects, and following one would carry X-API-KEY (which
    // fetch, unlike Authorization, does not drop across origins) to wherever it points.
    const response = await t.fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal, redirect: 'error' });
    const text = await response.text();
    return { ok: true, response, text, durationMs: elapsed() };
  } catch (failure) {
    return { ok: false, failure, timedOut, durationMs: elapsed() };
  } finally {
    cancelTimer();
    unlink();
    lease?.release();
  }
}

/** A failed attempt as a typed error plus what the retry policy needs to know. */
function classifyFailure(t: Transport, req: PreparedRequest, repeatable: boolean, result: Extract<AttemptResult, { ok: false }>, n: number, timeoutMs: number): { error: ReelkitError; outcome: AttemptOutcome } {
  const { method, path } = req;
  if (result.timedOut) {
    const error = new TimeoutError(`${method} ${path} timed out after ${timeoutMs} ms (attempt ${n})`, { method, path, maybeSubmitted: !repeatable, cause: result.failure });
    return { error, outcome: { kind: 'timeout' } };
  }
  const notSent = neverSent(result.failure);
  const error = new ConnectionError(t.redact(`${method} ${path} failed: ${describeFailure(result.failure)}`), { method, path, maybeSubmitted: !repeatable && !notSent, cause: result.failure });
  return { error, outcome: { kind: 'connection', neverSent: notSent } };
}

/** What a call resolves to, built from the decoded body and its Response (no extra promise layer per call). */
type Finish<T> = (data: unknown, response: Response) => T;

async function send<T>(t: Transport, req: PreparedRequest, init: AnyInit, finish: Finish<T>): Promise<T> {
  const { method, path, op } = req;
  // The money-safety rule reads the operation alone; no call option can make it repeat.
  const repeatable = op ? op.repeatable : method !== 'POST';
  const signal = init.signal;
  const timeoutMs = positive(init.timeoutMs, 'timeoutMs') ?? t.timeoutMs;
  const maxRetries = retries(init.maxRetries) ?? t.maxRetries;
  if (t.log.enabled('debug')) t.log.log('debug', `${method} ${req.url}`, { headers: redactHeaders(req.headers), body: req.body === undefined ? undefined : excerpt(req.body, 2000) });
  const schema = t.validate.response === 'off' || !op ? undefined : (t.responseSchemaNow(op) ?? (await t.responseSchema(op)));
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw abortError(signal);
    const lease: Lease | undefined = t.limiter ? await t.limiter.acquire(t.window!, signal) : undefined;
    const result = await attempt(t, req, timeoutMs, signal, lease);
    let error: ReelkitError;
    let outcome: AttemptOutcome;
    if (!result.ok) {
      // A request cancelled mid-flight may have reached the server, like a dropped connection.
      if (signal?.aborted) throw abortError(signal, !repeatable);
      ({ error, outcome } = classifyFailure(t, req, repeatable, result, n, timeoutMs));
      t.log.log('info', `${method} ${path} ${error.name} (attempt ${n}, ${result.durationMs} ms)`, { method, path, attempt: n, durationMs: result.durationMs, error: error.message });
    } else {
      const { response, text } = result;
      if (t.log.enabled('info')) {
        const requestId = requestIdOf(response);
        t.log.log('info', `${method} ${path} ${response.status} (attempt ${n}, ${result.durationMs} ms${requestId ? `, request id ${requestId}` : ''})`, { method, path, status: response.status, attempt: n, durationMs: result.durationMs, requestId });
      }
      const exchange: Exchange = { method, path, response, text, maybeSubmitted: !repeatable && response.status >= 500 };
      if (response.status >= 200 && response.status < 300) {
        const scope = `${t.vendor} ${op?.operationId ?? path}`;
        const data = decodeSuccess(exchange, { mode: t.validate.response, schema, checkBody: t.checkBody(), scope, redact: t.redact, log: t.log });
        return finish(data, response);
      }
      error = apiError(exchange, t.redact);
      outcome = { kind: 'status', status: response.status, retryAfterMs: retryAfterMs(response.headers, t.clock.now()) };
    }
    const decision = decideRetry({ outcome, repeatable, attempt: n, maxRetries });
    if (!decision.retry) throw error;
    t.log.log('info', `retrying ${method} ${path} in ${decision.delayMs} ms`, { method, path, attempt: n, delayMs: decision.delayMs });
    await t.clock.sleep(decision.delayMs, signal);
  }
}

function resolveValidate(option: ClientOptions['validate']): Required<ValidateOptions> {
  const v = typeof option === 'string' ? { request: option, response: option } : { ...DEFAULT_VALIDATE, ...option };
  for (const dir of ['request', 'response'] as const) {
    const mode = v[dir] ?? DEFAULT_VALIDATE[dir];
    if (!MODES.includes(mode)) throw optionError(`validate.${dir}`, `must be 'strict', 'warn' or 'off'; got ${String(mode)}`);
    v[dir] = mode;
  }
  return v;
}

function resolveRateLimit(config: VendorConfig, options: ClientOptions): Readonly<RateLimitWindow> | undefined {
  const rateLimit = options.rateLimit === undefined ? config.defaultRateLimit : options.rateLimit;
  if (!rateLimit) return undefined;
  positive(rateLimit.requests, 'rateLimit.requests');
  positive(rateLimit.windowMs, 'rateLimit.windowMs');
  return Object.freeze({ requests: rateLimit.requests, windowMs: rateLimit.windowMs });
}

function userAgent(extra: string | undefined): string {
  const ua = `reelkit-core/${VERSION}${extra ? ` ${extra}` : ''}`;
  try {
    new Headers({ 'User-Agent': ua });
  } catch {
    throw optionError('userAgent', 'is not a valid HTTP header value');
  }
  return ua;
}

function createTransport(config: VendorConfig, options: ClientOptions): Transport {
  const redact = createRedactor(config.secrets);
  const log = createInternalLogger(options.logger, resolveLogLevel(options.logLevel), redact);
  const validate = resolveValidate(options.validate);
  const window = resolveRateLimit(config, options);
  const rateLimit = options.rateLimit === undefined ? config.defaultRateLimit : options.rateLimit;
  const baseHeaders = { Accept: 'application/json', 'User-Agent': userAgent(options.userAgent), ...config.authHeaders };
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  let responses: Promise<Readonly<Record<string, ZodType | undefined>>> | undefined;
  let loaded: Readonly<Record<string, ZodType | undefined>> | undefined;
  let checkBody: CheckBody | undefined;
  // The schemas and the code that checks against them arrive together, only for clients that check responses.
  const loadResponseChecks = async () => {
    try {
      const [table, checker] = await Promise.all([config.loadResponses(), import('./response-check.js')]);
      checkBody = checker.checkBody;
      return table;
    } catch (cause) {
      // A chunk a browser could not fetch: say so as a ReelkitError, and let the next call try again.
      responses = undefined;
      throw new ReelkitError(`Could not load the ${config.vendor} response schemas to check a response (validate.response: 'off' skips them)`, { cause });
    }
  };
  return {
    vendor: config.vendor,
    fetch: fetchImpl,
    clock: options.clock ?? realClock,
    timeoutMs: positive(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    maxRetries: retries(options.maxRetries) ?? DEFAULT_MAX_RETRIES,
    validate,
    limiter: rateLimit ? sharedLimiter(config.vendor, config.credential, rateLimit.store, options.clock ?? realClock) : undefined,
    window,
    redact,
    log,
    requestContext: { baseUrl: removeTrailingSlash(config.baseUrl), baseHeaders, mode: validate.request, maxBodyBytes: config.maxBodyBytes, redact, log },
    ops: new Map(Object.values(config.operations).map((op) => [`${op.method} ${op.path}`, op])),
    responseSchema: async (op) => (loaded = await (responses ??= loadResponseChecks()))[op.operationId],
    responseSchemaNow: (op) => loaded?.[op.operationId],
    checkBody: () => checkBody,
  };
}

export function createApiClient<Paths, Vendor extends string>(config: VendorConfig & { vendor: Vendor }, options: ClientOptions): ApiClient<Paths, Vendor> {
  const t = createTransport(config, options);
  const baseUrl = t.requestContext.baseUrl;
  const request = <T>(method: Method, template: string, init: AnyInit = {}, finish: Finish<T>): Promise<T> => {
    let req: PreparedRequest;
    try {
      req = prepareRequest(t.requestContext, method, t.ops.get(`${method} ${template}`), template, init);
    } catch (err) {
      // Preparation errors reject the promise like every other error (never a synchronous throw).
      return Promise.reject(err instanceof ReelkitError ? err : new ReelkitError(`Could not prepare ${method} ${template}`, { cause: err }));
    }
    return send(t, req, init, finish);
  };
  const raw = (method: Method) => (path: string, init?: AnyInit) => request(method, path, init, withResponse);
  const call = (method: Method) => (path: string, init?: AnyInit) => request(method, path, init, dataOnly);
  const describe = () => ({ vendor: config.vendor, baseUrl, timeoutMs: t.timeoutMs, maxRetries: t.maxRetries, validate: t.validate, rateLimit: t.window ?? false });

  const client = {
    vendor: config.vendor,
    baseUrl,
    rateLimit: t.window ?? false,
    GET: call('GET'),
    POST: call('POST'),
    DELETE: call('DELETE'),
    withResponse: { GET: raw('GET'), POST: raw('POST'), DELETE: raw('DELETE') },
    // The keys live only in this closure; serializing or printing a client shows its settings.
    toJSON: describe,
    toString: () => `[${config.vendor} client ${baseUrl}]`,
    [Symbol.for('nodejs.util.inspect.custom')]: describe,
  };
  return client as unknown as ApiClient<Paths, Vendor>;
}

const dataOnly: Finish<unknown> = (data) => data;
const withResponse: Finish<WithResponse<unknown>> = (data, response) => ({ data, response, requestId: requestIdOf(response) });

function optionError(option: string, problem: string): RequestValidationError {
  return new RequestValidationError(`${option} ${problem}`, [{ path: option, message: problem }]);
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) throw optionError(name, `must be a positive number; got ${String(value)}`);
  return value;
}

function retries(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw optionError('maxRetries', `must be a whole number ≥ 0; got ${String(value)}`);
  return value;
}


