// Secrets never leave the client in clear text: not in logs, error messages, error JSON or client JSON.

/** Header names whose values are credentials (compared lower-case). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'x-api-key', 'x-api-id']);

export const REDACTED = '[redacted]';

/** Replaces every occurrence of the given secrets in strings, deeply in arrays and plain objects. */
export interface Redactor {
  (value: string): string;
  deep<T>(value: T): T;
}

export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  // Every length: a 3-character key is still a key (it garbles unrelated text that contains it,
  // which is the lesser harm). Longest first, so a key that contains another is replaced whole.
  const list = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const redactString = (value: string): string => {
    let out = value;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (depth > 20 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => deep(v, depth + 1));
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : deep(v, depth + 1);
    return out;
  };
  const redactor = redactString as Redactor;
  redactor.deep = <T>(value: T): T => (list.length === 0 ? value : (deep(value, 0) as T));
  return redactor;
}

/** Copy of request headers safe to log. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : v;
  return out;
}
