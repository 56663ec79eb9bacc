// zod issues → readable field paths; body excerpts for errors.
import type { ZodError, ZodType } from 'zod';
import type { ValidationIssue } from './errors.js';
import type { Predicate, UnknownFields, fastCheck } from './fast-check.js';

export type ValidationMode = 'strict' | 'warn' | 'off';

let fast: typeof fastCheck | undefined;
let loadingFast = false;

/**
 * The fast predicate for `schema` (src/fast-check.ts), or undefined until that module has loaded: it is
 * a CPU saving, never a different verdict, so it loads on first use, off a browser's start-up path,
 * and zod answers alone until it arrives (or for good, if the chunk cannot load).
 */
export function fastPredicate(schema: ZodType, mode: UnknownFields): Predicate | undefined {
  if (fast) return fast(schema, mode);
  if (!loadingFast) {
    loadingFast = true;
    void import('./fast-check.js').then(
      (m) => (fast = m.fastCheck),
      () => undefined,
    );
  }
  return undefined;
}

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

/** `prefix` + path segments joined by dots (`body.elements.0.source`); `(root)` for the whole value. */
function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const parts = prefix === '' ? [] : [prefix];
  for (const seg of path) parts.push(String(seg));
  return parts.length === 0 ? '(root)' : parts.join('.');
}

/** A zod error as reelkit's ValidationIssues, paths like `a.0.b` under an optional prefix. */
export function toIssues(error: Pick<ZodError, 'issues'>, prefix = ''): ValidationIssue[] {
  return issuesOf(prefix, error.issues);
}

function issuesOf(prefix: string, issues: readonly Issue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    // Name the unknown key itself, not its parent object.
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const key of issue.keys) out.push({ path: joinPath(prefix, [...issue.path, key]), message: 'unknown field (not in the spec)' });
    } else {
      out.push({ path: joinPath(prefix, issue.path), message: issue.message });
    }
  }
  return out;
}

/** Validates without transforming: callers keep (and send) their own value, extra fields included. */
export function check(schema: ZodType, value: unknown, prefix: string): ValidationIssue[] {
  if (fastPredicate(schema, 'allow')?.(value)) return [];
  const result = schema.safeParse(value);
  return result.success ? [] : issuesOf(prefix, result.error.issues);
}

export function describeIssues(issues: readonly ValidationIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > max) shown.push(`…and ${issues.length - max} more`);
  return shown.join('; ');
}

/** A short, single-line excerpt of a body for error messages. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
