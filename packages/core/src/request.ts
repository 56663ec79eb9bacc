// Building one request before anything is sent: the spec's checks, JSON encoding that cannot throw a
// bare TypeError, the vendor's body limit and header values fetch would refuse. Every refusal here
// is a RequestValidationError naming the field, and provably never sent.
import { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { ZodType } from 'zod';
import { RequestValidationError, type ValidationIssue } from './errors.js';
import type { InternalLogger } from './logger.js';
import type { CallOptions } from './options.js';
import type { Redactor } from './redact.js';
import { check, describeIssues, type ValidationMode } from './validation.js';

/** One row of a generated request table (`requestSchemas`). */
export interface OperationSchema {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** `x-reelkit-cost`: a paid operation creates billed work. */
  readonly cost: 'paid' | 'free';
  /** `x-reelkit-repeatable`: may be sent again after an unknown outcome. */
  readonly repeatable: boolean;
  readonly bodyRequired: boolean;
  readonly body: ZodType | undefined;
  readonly path_params: ZodType | undefined;
  readonly query: ZodType | undefined;
}

export interface AnyInit extends CallOptions {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
}

export interface PreparedRequest {
  method: 'GET' | 'POST' | 'DELETE';
  op: OperationSchema | undefined;
  /** The concrete path (parameters filled in), used in messages. */
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface RequestContext {
  baseUrl: string;
  baseHeaders: Record<string, string>;
  mode: ValidationMode;
  maxBodyBytes: number;
  redact: Redactor;
  log: InternalLogger;
}

const querySerializer = createQuerySerializer();
const JSON_CONTENT = { 'Content-Type': 'application/json' };

export function prepareRequest(ctx: RequestContext, method: PreparedRequest['method'], op: OperationSchema | undefined, template: string, init: AnyInit): PreparedRequest {
  if (init === null || typeof init !== 'object') throw refused(method, template, [{ path: '(root)', message: 'request options must be an object' }]);
  if (op && ctx.mode !== 'off') checkAgainstSpec(ctx, op, method, template, init);
  const params = init.params;
  // openapi-fetch's serializers, as its createFinalURL uses them (path serialized once, reused in messages).
  const path = !params?.path ? template : op ? serializePath(template, params.path) : defaultPathSerializer(template, params.path);
  const search = params?.query ? querySerializer(params.query) : '';
  const url = search ? `${ctx.baseUrl}${path}?${search}` : ctx.baseUrl + path;
  const body = init.body === undefined ? undefined : encodeBody(ctx, method, template, init.body);
  const headers = body === undefined && init.headers === undefined ? ctx.baseHeaders : { ...ctx.baseHeaders, ...(body === undefined ? {} : JSON_CONTENT), ...checkHeaders(method, template, init.headers) };
  return { method, op, path, url, headers, body };
}

/** A template split at its placeholders: literal, name, literal, …; undefined when one uses a style (`{id*}`, `{.id}`, `{;id}`). */
type CompiledPath = readonly string[] | undefined;
// Keyed by the spec's operation paths only (a finite set): a caller's own path strings are never cached.
const compiledPaths = new Map<string, CompiledPath>();

function compilePath(template: string): CompiledPath {
  const parts = template.split(/\{([^{}]+)\}/);
  return parts.some((p, i) => i % 2 === 1 && /[*.;]/.test(p)) ? undefined : parts;
}

/**
 * openapi-fetch's defaultPathSerializer with the template parsed once: for plain `{name}`
 * placeholders and string or number values it is this concatenation of encodeURIComponent; anything
 * else (styles, arrays, objects, missing values, a `$`, which its String.replace would expand) goes to it.
 */
export function serializePath(template: string, values: Record<string, unknown>): string {
  let parts = compiledPaths.get(template);
  if (parts === undefined && !compiledPaths.has(template)) compiledPaths.set(template, (parts = compilePath(template)));
  if (parts === undefined) return defaultPathSerializer(template, values);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]!];
    if (typeof value === 'number' || (typeof value === 'string' && !value.includes('$'))) out += encodeURIComponent(value) + parts[i + 1]!;
    else return defaultPathSerializer(template, values);
  }
  return out;
}

function checkAgainstSpec(ctx: RequestContext, op: OperationSchema, method: string, template: string, init: AnyInit): void {
  const issues: ValidationIssue[] = [];
  if (op.path_params) issues.push(...check(op.path_params, init.params?.path ?? {}, 'path'));
  if (op.query) issues.push(...check(op.query, init.params?.query ?? {}, 'query'));
  else if (init.params?.query && Object.keys(init.params.query).length) issues.push({ path: 'query', message: 'this operation takes no query parameters' });
  if (init.body === undefined) {
    if (op.bodyRequired) issues.push({ path: 'body', message: 'required' });
  } else if (op.body) {
    issues.push(...check(op.body, init.body, 'body'));
  }
  if (issues.length === 0) return;
  if (ctx.mode === 'warn') {
    ctx.log.log('warn', `Invalid request for ${method} ${template}: ${describeIssues(issues)}`);
    return;
  }
  throw refused(method, template, issues, ctx.redact);
}

/** JSON text of `body`, or a RequestValidationError naming the field JSON cannot carry. */
function encodeBody(ctx: RequestContext, method: string, template: string, body: unknown): string {
  if (body === null || typeof body !== 'object') throw refused(method, template, [{ path: 'body', message: `must be a JSON object or array; got ${body === null ? 'null' : typeof body}` }]);
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    throw refused(method, template, [unserializable(body) ?? { path: 'body', message: 'cannot be encoded as JSON' }], ctx.redact);
  }
  // UTF-8 needs at least one byte per UTF-16 unit and at most three: measure only when it matters.
  const bytes = text.length * 3 <= ctx.maxBodyBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > ctx.maxBodyBytes) {
    throw refused(method, template, [{ path: 'body', message: `is ${bytes} bytes of JSON; the API accepts at most ${ctx.maxBodyBytes}` }]);
  }
  return text;
}

/** The first BigInt or circular reference in `value`, as a field path. */
function unserializable(value: unknown, path = 'body', stack = new Set<object>()): ValidationIssue | undefined {
  if (typeof value === 'bigint') return { path, message: 'is a BigInt, which JSON cannot carry (convert it to a number or string)' };
  if (value === null || typeof value !== 'object') return undefined;
  if (stack.has(value)) return { path, message: 'is a circular reference, which JSON cannot carry' };
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  stack.add(value);
  for (const [k, v] of Object.entries(value)) {
    const found = unserializable(v, `${path}.${k}`, stack);
    if (found) return found;
  }
  stack.delete(value);
  return undefined;
}

/** Extra headers fetch would refuse (a newline in a value, a bad name), refused here by name only. */
function checkHeaders(method: string, template: string, headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch {
      throw refused(method, template, [{ path: `headers.${name}`, message: 'is not a valid HTTP header (name or value); the value is not shown' }]);
    }
  }
  return headers;
}

function refused(method: string, template: string, issues: ValidationIssue[], redact?: Redactor): RequestValidationError {
  const message = `Invalid request for ${method} ${template}: ${describeIssues(issues)}`;
  return new RequestValidationError(redact ? redact(message) : message, redact ? redact.deep(issues) : issues);
}
