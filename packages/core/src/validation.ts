// zod issues → readable field paths; body excerpts for errors.
import type { ZodType } from 'zod';
import type { ValidationIssue } from './errors.js';

export type ValidationMode = 'strict' | 'warn' | 'off';

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

export function toIssues(prefix: string, issues: readonly Issue[]): ValidationIssue[] {
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
  const result = schema.safeParse(value);
  return result.success ? [] : toIssues(prefix, result.error.issues);
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
