// Turning a response into the caller's value or a typed error: vendor error bodies, status classes,
// and the per-direction schema check of success bodies (strict, tolerant or off).
import type { ZodType } from 'zod';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  type ApiErrorInit,
  type ValidationIssue,
} from './errors.js';
import type { InternalLogger } from './logger.js';
import { REDACTED, SECRET_HEADERS, type Redactor } from './redact.js';
import { retryAfterMs } from './retry.js';
import { describeIssues, excerpt, type ValidationMode } from './validation.js';

const STATUS_ERRORS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: InsufficientCreditsError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

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
  return { body, ...hintOf(body as Record<string, unknown>) };
}

function hintOf(obj: Record<string, unknown>): Omit<ParsedErrorBody, 'body'> {
  const out: Omit<ParsedErrorBody, 'body'> = {};
  if (typeof obj.documentation_url === 'string') out.documentation_url = obj.documentation_url;
  for (const key of ['hint', 'detail', 'message', 'error'] as const) {
    if (typeof obj[key] === 'string') return { ...out, hint: obj[key] };
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
  return parts.length ? { ...out, fieldErrors, hint: parts.join('; ') } : out;
}

/** A copy of response headers safe to keep on an error: credential headers blanked, values redacted. */
export function redactResponseHeaders(headers: Headers, redact: Redactor): Headers {
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, SECRET_HEADERS.has(name) ? REDACTED : redact(value)));
  return out;
}

export interface Exchange {
  method: string;
  /** The concrete path (no base URL, no query). */
  path: string;
  response: Response;
  text: string;
  /** The request may have been acted on (a non-repeatable operation answered 5xx). */
  maybeSubmitted: boolean;
}

/** The server's request id (`x-request-id`, else `request-id`); read only when something uses it. */
export function requestIdOf(response: Response): string | undefined {
  return response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined;
}

export function apiError(x: Exchange, redact: Redactor): ApiError {
  const { status, headers } = x.response;
  const requestId = requestIdOf(x.response);
  const parsed = parseErrorBody(x.text);
  const hint = parsed.hint === undefined ? undefined : redact(parsed.hint);
  const label = STATUS_TEXT[status] ?? x.response.statusText ?? '';
  let message = `${status}${label ? ` ${label}` : ''}: ${x.method} ${x.path}`;
  if (hint) message += ` — ${hint}`;
  else if (parsed.bodyExcerpt) message += ` — body: ${parsed.bodyExcerpt}`;
  if (requestId) message += ` (request id ${requestId})`;
  const init: ApiErrorInit = {
    status,
    method: x.method,
    path: x.path,
    requestId: requestId === undefined ? undefined : redact(requestId),
    hint,
    documentation_url: parsed.documentation_url,
    body: redact.deep(parsed.body),
    bodyExcerpt: parsed.bodyExcerpt === undefined ? undefined : redact(parsed.bodyExcerpt),
    fieldErrors: redact.deep(parsed.fieldErrors),
    headers: redactResponseHeaders(headers, redact),
    maybeSubmitted: x.maybeSubmitted,
    retryAfterMs: status === 429 ? retryAfterMs(headers) : undefined,
  };
  const Ctor = status >= 500 ? ServerError : (STATUS_ERRORS[status] ?? ApiError);
  return new Ctor(redact(message), init);
}

/** Checks a parsed success body, throwing ResponseValidationError (src/response-check.ts, loaded with the response schemas). */
export type CheckBody = (x: Exchange, ctx: DecodeContext, schema: ZodType, data: unknown) => void;

export interface DecodeContext {
  mode: ValidationMode;
  /** The success schema and its checker; undefined when the operation has none or checks are off. */
  schema: ZodType | undefined;
  checkBody: CheckBody | undefined;
  /** `vendor operationId`, the scope drift is reported once in. */
  scope: string;
  redact: Redactor;
  log: InternalLogger;
}

/** The success body, parsed and checked per the response mode. */
export function decodeSuccess(x: Exchange, ctx: DecodeContext): unknown {
  const { text } = x;
  if (text === '' && !ctx.schema) return undefined;
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw responseError(x, ctx, 'is not JSON', [{ path: '(root)', message: 'not valid JSON' }], undefined);
  }
  if (ctx.mode !== 'off' && ctx.schema && ctx.checkBody) ctx.checkBody(x, ctx, ctx.schema, data);
  return data;
}

export function responseError(x: Exchange, ctx: DecodeContext, what: string, issues: ValidationIssue[], data: unknown): ResponseValidationError {
  const bodyExcerpt = ctx.redact(excerpt(x.text));
  const detail = data === undefined && issues[0]?.message === 'not valid JSON' ? '' : `: ${describeIssues(issues)}`;
  const message = ctx.redact(`${x.method} ${x.path} answered ${x.response.status} with a body that ${what}${detail} — body: ${bodyExcerpt}`);
  // `data` keeps what the server did send (e.g. the ids of renders a POST created) for the caller to use.
  return new ResponseValidationError(message, {
    status: x.response.status,
    method: x.method,
    path: x.path,
    requestId: requestIdOf(x.response),
    bodyExcerpt,
    issues: ctx.redact.deep(issues),
    data: ctx.redact.deep(data),
    maybeSubmitted: x.method === 'POST',
  });
}
