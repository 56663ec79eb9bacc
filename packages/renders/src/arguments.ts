// Pre-flight checks of the arguments callers pass (JavaScript callers, or values from JSON): a
// malformed argument is a RequestValidationError naming the field, before any request is sent.
import { RequestValidationError } from '@reelkit/core';
import { zListRendersQuery } from '@reelkit/core/creatomate';
import { checkRenderRequest } from '@reelkit/core/rules/creatomate-request';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const refuse = (path: string, message: string): never => {
  throw new RequestValidationError(`${path}: ${message}`, [{ path, message }]);
};

/**
 * Everything Creatomate would refuse in a create request, known before the network (the shared
 * vendor rule `checkRenderRequest`: the spec's constraints, exactly one of template_id/source/tags,
 * frame rate per format, the duration limit, safe modification keys), with paths under `body`.
 */
export function checkCreateParams(params: unknown): asserts params is Record<string, unknown> {
  const issues = checkRenderRequest(params).map((i) => ({ path: i.path === '(root)' ? 'body' : `body.${i.path}`, message: i.message }));
  if (issues.length === 0) return;
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new RequestValidationError(`Invalid render request: ${shown}${issues.length > 3 ? `; …and ${issues.length - 3} more` : ''}`, issues);
}

/** A render id: a non-empty string (its format is checked by core against the spec). */
export function checkId(id: unknown, path = 'id'): asserts id is string {
  if (typeof id !== 'string' || id === '') refuse(path, `expected a render id (a non-empty string), got ${describe(id)}`);
}

export function checkIds(ids: unknown): asserts ids is readonly string[] {
  if (!Array.isArray(ids)) refuse('ids', `expected a render id or an array of them, got ${describe(ids)}`);
  (ids as unknown[]).forEach((id, i) => checkId(id, `ids.${i}`));
}

const LIST_QUERY_KEYS: ReadonlySet<string> = new Set(Object.keys(zListRendersQuery.shape));

/** `GET /renders` query: an object of the spec's parameters only (an unknown key is refused by name, not sent). */
export function checkListQuery(query: unknown): asserts query is Record<string, unknown> | undefined {
  if (query === undefined) return;
  if (!isPlainObject(query)) refuse('query', `expected an object, got ${describe(query)}`);
  for (const key of Object.keys(query as object)) {
    if (!LIST_QUERY_KEYS.has(key)) refuse(`query.${key}`, `unknown query parameter (known: ${[...LIST_QUERY_KEYS].join(', ')})`);
  }
}

/** An options argument, when given, is an object. */
export function checkOptions(options: unknown, path = 'options'): void {
  if (options !== undefined && !isPlainObject(options)) refuse(path, `expected an options object, got ${describe(options)}`);
}

/** A positive integer option (batch concurrency and the like). */
export function checkPositiveInteger(value: number, path: string): void {
  if (!(Number.isInteger(value) && value >= 1)) refuse(path, `must be an integer >= 1, got ${String(value)}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}
