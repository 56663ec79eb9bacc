// The transport every reelkit package goes through: typed GET/POST/DELETE on a spec's `paths`
// (openapi-fetch's types and serializers), request/response validation with the generated zod
// schemas, timeouts, retries under the money-safety rule, rate limiting, logging and redaction.
import type { FetchResponse, ParamsOption, RequestBodyOption } from 'openapi-fetch';
import { createQuerySerializer, defaultPathSerializer, removeTrailingSlash } from 'openapi-fetch';
import type { ZodType } from 'zod';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReelkitError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  type ApiErrorInit,
  type ValidationIssue,
} from './errors.js';
import type { CallOptions } from './options.js';
import { createInternalLogger, resolveLogLevel, type InternalLogger, type Logger, type LogLevel } from './logger.js';
import { sharedLimiter, type Lease, type Limiter, type RateLimitOptions, type RateLimitWindow } from './rate-limit.js';
import { createRedactor, redactHeaders, type Redactor } from './redact.js';
import { abortError, backoffMs, linkAbort, MAX_RETRY_AFTER_MS, retryAfterMs, sleep } from './retry.js';
import { check, describeIssues, excerpt, type ValidationMode } from './validation.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
const VERSION = '0.1.0';

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
  /** Schema checks of requests (before sending) and responses: `strict` (default) throws, `warn` logs, `off` skips. */
  validate?: ValidationMode;
  /** Where log lines go (default console). Lines are already redacted. */
  logger?: Logger;
  /** Default: REELKIT_LOG, else `warn`. */
  logLevel?: LogLevel;
  /** `false` turns client-side rate limiting off; an object sets it (shared per credential). */
  rateLimit?: false | RateLimitOptions;
  /** Appended to reelkit's own User-Agent. */
  userAgent?: string;
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

/** The parsed body of the operation's success response. */
export type ResponseData<O> = O extends { responses: unknown }
  ? Extract<FetchResponse<O, object, 'application/json'>, { error?: never }>['data']
  : never;

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

/** One row of a generated `operationSchemas` table. */
export interface OperationSchema {
  readonly method: string;
  readonly path: string;
  readonly bodyRequired: boolean;
  readonly body: ZodType | undefined;
  readonly path_params: ZodType | undefined;
  readonly query: ZodType | undefined;
  readonly response: ZodType | undefined;
}

/** What a vendor factory hands to the shared transport. */
export interface VendorConfig {
  vendor: string;
  baseUrl: string;
  authHeaders: Record<string, string>;
  /** Every secret value to redact (keys, ids). */
  secrets: string[];
  /** Identifies the account for the shared rate limiter (hashed before use). */
  credential: string;
  operations: Readonly<Record<string, OperationSchema>>;
  defaultRateLimit: false | RateLimitOptions;
}

interface AnyInit extends RequestOptions {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}

type Method = 'GET' | 'POST' | 'DELETE';

// Failures where the connection was never established, so the server cannot have seen the request.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCodes(err: unknown, depth = 0, out: string[] = []): string[] {
  if (depth > 5 || err === null || typeof err !== 'object') return out;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') out.push(e.code);
  if (Array.isArray(e.errors)) for (const inner of e.errors) errorCodes(inner, depth + 1, out);
  errorCodes(e.cause, depth + 1, out);
  return out;
}

/** Only a failure whose every code says "never connected" counts as not sent. */
function neverSent(err: unknown): boolean {
  const codes = errorCodes(err);
  return codes.length > 0 && codes.every((c) => NOT_SENT_CODES.has(c));
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

const STATUS_ERRORS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: InsufficientCreditsError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

interface ParsedErrorBody {
  body: unknown;
  hint?: string;
  documentation_url?: string;
  fieldErrors?: Record<string, string[]>;
  bodyExcerpt?: string;
}

/** Maps both vendors' error bodies: Creatomate `{hint, documentation_url}`, DRF arrays, field maps and `{detail}`. */
export function parseErrorBody(text: string): ParsedErrorBody {
  if (text.trim() === '') return { body: undefined };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { body: undefined, bodyExcerpt: excerpt(text) };
  }
  if (Array.isArray(body)) {
    const messages = body.filter((m): m is string => typeof m === 'string');
    return { body, hint: messages.length ? messages.join('; ') : undefined };
  }
  if (body === null || typeof body !== 'object') return { body, bodyExcerpt: excerpt(text) };
  const obj = body as Record<string, unknown>;
  const out: ParsedErrorBody = { body };
  if (typeof obj.documentation_url === 'string') out.documentation_url = obj.documentation_url;
  for (const key of ['hint', 'detail', 'message', 'error'] as const) {
    if (typeof obj[key] === 'string') {
      out.hint = obj[key];
      return out;
    }
  }
  // DRF field map: {field: ["msg", ...] | "msg"}; non_field_errors are not about one field.
  const fieldErrors: Record<string, string[]> = {};
  const parts: string[] = [];
  for (const [field, value] of Object.entries(obj)) {
    const messages = Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : typeof value === 'string' ? [value] : [];
    if (messages.length === 0) continue;
    fieldErrors[field] = messages;
    parts.push(field === 'non_field_errors' ? messages.join(', ') : `${field}: ${messages.join(', ')}`);
  }
  if (parts.length) {
    out.fieldErrors = fieldErrors;
    out.hint = parts.join('; ');
  }
  return out;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function createApiClient<Paths, Vendor extends string>(config: VendorConfig & { vendor: Vendor }, options: ClientOptions): ApiClient<Paths, Vendor> {
  const redact: Redactor = createRedactor(config.secrets);
  const log: InternalLogger = createInternalLogger(options.logger, resolveLogLevel(options.logLevel), redact);
  const baseUrl = removeTrailingSlash(config.baseUrl);
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const clientTimeout = positive(options.timeoutMs, 'timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  const clientRetries = retries(options.maxRetries) ?? DEFAULT_MAX_RETRIES;
  const validate: ValidationMode = options.validate ?? 'strict';
  if (!['strict', 'warn', 'off'].includes(validate)) throw new ReelkitError(`validate must be 'strict', 'warn' or 'off'; got ${String(validate)}`);
  const rateLimit = options.rateLimit === undefined ? config.defaultRateLimit : options.rateLimit;
  if (rateLimit) {
    positive(rateLimit.requests, 'rateLimit.requests');
    positive(rateLimit.windowMs, 'rateLimit.windowMs');
  }
  const limiter: Limiter | undefined = rateLimit ? sharedLimiter(config.vendor, config.credential, rateLimit.store) : undefined;
  const window: Readonly<RateLimitWindow> | undefined = rateLimit ? Object.freeze({ requests: rateLimit.requests, windowMs: rateLimit.windowMs }) : undefined;
  const querySerializer = createQuerySerializer();
  const baseHeaders: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': `reelkit-core/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`,
    ...config.authHeaders,
  };
  const jsonContent = { 'Content-Type': 'application/json' };
  const ops = new Map<string, OperationSchema>();
  for (const op of Object.values(config.operations)) ops.set(`${op.method} ${op.path}`, op);

  function validateRequest(op: OperationSchema, method: Method, template: string, init: AnyInit): void {
    const issues: ValidationIssue[] = [];
    if (op.path_params) issues.push(...check(op.path_params, init.params?.path ?? {}, 'path'));
    if (op.query) issues.push(...check(op.query, init.params?.query ?? {}, 'query'));
    if (init.body === undefined) {
      if (op.bodyRequired) issues.push({ path: 'body', message: 'required' });
    } else if (op.body) {
      issues.push(...check(op.body, init.body, 'body'));
    }
    if (issues.length === 0) return;
    const message = redact(`Invalid request for ${method} ${template}: ${describeIssues(issues)}`);
    if (validate === 'warn') {
      log.log('warn', message);
      return;
    }
    throw new RequestValidationError(message, redact.deep(issues));
  }

  function apiError(method: Method, path: string, response: Response, text: string, requestId: string | undefined, maybeSubmitted: boolean): ApiError {
    const status = response.status;
    const parsed = parseErrorBody(text);
    const hint = parsed.hint === undefined ? undefined : redact(parsed.hint);
    const label = STATUS_TEXT[status] ?? response.statusText ?? '';
    let message = `${status}${label ? ` ${label}` : ''}: ${method} ${path}`;
    if (hint) message += ` — ${hint}`;
    else if (parsed.bodyExcerpt) message += ` — body: ${parsed.bodyExcerpt}`;
    if (requestId) message += ` (request id ${requestId})`;
    const init: ApiErrorInit = {
      status,
      method,
      path,
      requestId,
      hint,
      documentation_url: parsed.documentation_url,
      body: redact.deep(parsed.body),
      bodyExcerpt: parsed.bodyExcerpt === undefined ? undefined : redact(parsed.bodyExcerpt),
      fieldErrors: redact.deep(parsed.fieldErrors),
      headers: response.headers,
      maybeSubmitted,
      retryAfterMs: status === 429 ? retryAfterMs(response.headers) : undefined,
    };
    const Ctor = status >= 500 ? ServerError : (STATUS_ERRORS[status] ?? ApiError);
    return new Ctor(redact(message), init);
  }

  function parseSuccess(op: OperationSchema | undefined, method: Method, path: string, status: number, text: string, requestId: string | undefined): unknown {
    if (text === '' && !op?.response) return undefined;
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      const bodyExcerpt = redact(excerpt(text));
      throw new ResponseValidationError(redact(`${method} ${path} answered ${status} with a body that is not JSON: ${bodyExcerpt}`), {
        status,
        method,
        path,
        requestId,
        bodyExcerpt,
        issues: [{ path: '(root)', message: 'not valid JSON' }],
        maybeSubmitted: method === 'POST',
      });
    }
    if (validate === 'off' || !op?.response) return data;
    const issues = check(op.response, data, '');
    if (issues.length === 0) return data;
    const bodyExcerpt = redact(excerpt(text));
    const message = redact(`${method} ${path} answered ${status} with a body that does not match the spec: ${describeIssues(issues)} — body: ${bodyExcerpt}`);
    if (validate === 'warn') {
      log.log('warn', message);
      return data;
    }
    // `data` keeps what the server did send (e.g. the ids of renders a POST created) for the caller to use.
    throw new ResponseValidationError(message, { status, method, path, requestId, bodyExcerpt, issues, data: redact.deep(data), maybeSubmitted: method === 'POST' });
  }

  async function request(method: Method, template: string, init: AnyInit = {}): Promise<WithResponse<unknown>> {
    const op = ops.get(`${method} ${template}`);
    if (op && validate !== 'off') validateRequest(op, method, template, init);
    const params = init.params;
    // openapi-fetch's serializers, as its createFinalURL uses them (path serialized once, reused in messages).
    const path = params?.path ? defaultPathSerializer(template, params.path) : template;
    const search = params?.query ? querySerializer(params.query) : '';
    const url = search ? `${baseUrl}${path}?${search}` : baseUrl + path;
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const headers = body === undefined && init.headers === undefined ? baseHeaders : { ...baseHeaders, ...(body === undefined ? {} : jsonContent), ...init.headers };
    const signal = init.signal;
    const timeoutMs = positive(init.timeoutMs, 'timeoutMs') ?? clientTimeout;
    const maxRetries = retries(init.maxRetries) ?? clientRetries;
    // The money-safety rule: only idempotent methods are repeated after an outcome we cannot know
    // (timeout, dropped connection, 5xx). No per-call option can change that.
    const idempotent = method !== 'POST';
    const repeatable = idempotent;

    if (log.enabled('debug')) log.log('debug', `${method} ${url}`, { headers: redactHeaders(headers), body: body === undefined ? undefined : excerpt(body, 2000) });

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      const lease: Lease | undefined = limiter ? await limiter.acquire(window!, signal) : undefined;
      const started = performance.now();
      // One controller per attempt: our timer and the caller's signal both abort it.
      const attemptAbort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        attemptAbort.abort();
      }, Math.min(timeoutMs, 2_147_483_647));
      const unlink = linkAbort(signal, attemptAbort);
      let response: Response | undefined;
      let text = '';
      let failure: unknown;
      try {
        // redirect: 'error' — neither API redirects, and following one would carry X-API-KEY (which
        // fetch, unlike Authorization, does not drop across origins) to wherever it points.
        response = await fetchImpl(url, { method, headers, body, signal: attemptAbort.signal, redirect: 'error' });
        text = await response.text();
      } catch (err) {
        failure = err;
      } finally {
        clearTimeout(timer);
        unlink();
        lease?.release();
      }
      const durationMs = Math.round(performance.now() - started);
      const canRetry = attempt <= maxRetries;

      if (failure !== undefined || response === undefined) {
        // A POST cancelled mid-flight may have reached the server, like a dropped connection.
        if (signal?.aborted) throw abortError(signal, !idempotent);
        let error: ConnectionError | TimeoutError;
        let retry: boolean;
        if (timedOut) {
          error = new TimeoutError(`${method} ${path} timed out after ${timeoutMs} ms (attempt ${attempt})`, { method, path, maybeSubmitted: !idempotent, cause: failure });
          retry = repeatable;
        } else {
          const notSent = neverSent(failure);
          error = new ConnectionError(redact(`${method} ${path} failed: ${describeFailure(failure)}`), { method, path, maybeSubmitted: !idempotent && !notSent, cause: failure });
          retry = repeatable || notSent;
        }
        log.log('info', `${method} ${path} ${error.name} (attempt ${attempt}, ${durationMs} ms)`, { method, path, attempt, durationMs, error: error.message });
        if (!retry || !canRetry) throw error;
        const delay = backoffMs(attempt - 1);
        log.log('info', `retrying ${method} ${path} in ${delay} ms`, { method, path, attempt, delayMs: delay });
        await sleep(delay, signal);
        continue;
      }

      const status = response.status;
      const requestId = response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined;
      if (log.enabled('info')) {
        log.log('info', `${method} ${path} ${status} (attempt ${attempt}, ${durationMs} ms${requestId ? `, request id ${requestId}` : ''})`, {
          method,
          path,
          status,
          attempt,
          durationMs,
          requestId,
        });
      }
      if (status >= 200 && status < 300) {
        return { data: parseSuccess(op, method, path, status, text, requestId), response, requestId };
      }

      const error = apiError(method, path, response, text, requestId, !idempotent && status >= 500);
      const retryable = status === 429 || (repeatable && (status === 408 || status === 409 || status >= 500));
      if (!retryable || !canRetry) throw error;
      const asked = retryAfterMs(response.headers);
      // A server that wants us away longer than the cap gets its error surfaced, not a long sleep.
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) throw error;
      const delay = asked ?? backoffMs(attempt - 1);
      log.log('info', `retrying ${method} ${path} after ${status} in ${delay} ms`, { method, path, status, attempt, delayMs: delay, requestId });
      await sleep(delay, signal);
    }
  }

  const call = (method: Method) => async (path: string, init?: AnyInit) => (await request(method, path, init)).data;
  const raw = (method: Method) => (path: string, init?: AnyInit) => request(method, path, init);
  const describe = () => ({ vendor: config.vendor, baseUrl, timeoutMs: clientTimeout, maxRetries: clientRetries, validate, rateLimit: window ?? false });

  const client = {
    vendor: config.vendor,
    baseUrl,
    rateLimit: window ?? false,
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

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) throw new ReelkitError(`${name} must be a positive number; got ${String(value)}`);
  return value;
}

function retries(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw new ReelkitError(`maxRetries must be a whole number ≥ 0; got ${String(value)}`);
  return value;
}
