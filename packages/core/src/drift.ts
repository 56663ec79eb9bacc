// Tolerant reading of responses. A vendor adds a status, a field or a looser id format long before
// the spec says so; that is drift, reported once per process, not a reason to stop every read.
// A body that cannot be what the spec says (missing fields, wrong types) is still an error.
import type { ZodType } from 'zod';
import type { ValidationIssue } from './errors.js';
import { toIssues } from './validation.js';

/** zod issue codes that mean "a value the spec does not list yet", not "a different shape". */
const DRIFT_CODES = new Set(['invalid_value', 'invalid_format']);

/** A string where the spec lists other strings or a stricter format; a number where a string belongs is not drift. */
function isDrift(issue: { code: string; path: readonly PropertyKey[] }, data: unknown): boolean {
  if (!DRIFT_CODES.has(issue.code)) return false;
  let value = data;
  for (const seg of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  return typeof value === 'string';
}

export interface CheckedResponse {
  /** Issues that make the body unusable (missing fields, wrong types). */
  errors: ValidationIssue[];
  /** New values, formats and fields, passed through. */
  drift: ValidationIssue[];
}

/** Checks `data` against `schema`, splitting real mismatches from drift (unknown fields included). */
export function checkTolerant(schema: ZodType, data: unknown): CheckedResponse {
  const result = schema.safeParse(data);
  const drift: ValidationIssue[] = [];
  const errors: ValidationIssue[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) (isDrift(issue, data) ? drift : errors).push(...toIssues({ issues: [issue] }));
  }
  unknownFields(schema, data, [], drift, 0);
  return { errors, drift };
}

// zod 4's schema definition, as far as the walk needs it.
interface Def {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  valueType?: ZodType;
  getter?: () => ZodType;
}

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Fields the object schemas do not declare (z.object ignores them silently). Unions are not entered. */
function unknownFields(schema: ZodType, value: unknown, path: string[], out: ValidationIssue[], depth: number): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) || def.type === 'pipe' || def.type === 'lazy') {
    const inner = def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : def.innerType;
    if (!inner) return;
    def = defOf(inner);
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) unknownFields(def.element, value[i], [...path, String(i)], out, depth + 1);
  } else if (def.type === 'record' && def.valueType && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) unknownFields(def.valueType, v, [...path, k], out, depth + 1);
  } else if (def.type === 'object' && def.shape && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const field = def.shape[k];
      if (field) unknownFields(field, v, [...path, k], out, depth + 1);
      else if (!def.catchall) out.push({ path: [...path, k].join('.'), message: 'unknown field (not in the spec)' });
    }
  }
}

const reported = new Set<string>();

/**
 * Each drift is reported once per process: the same new field on every item of a list or every
 * poll is one line, not thousands. Array indices are folded to `*` for that.
 */
export function firstSighting(scope: string, issue: ValidationIssue): string | undefined {
  const path = issue.path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
  const key = `${scope} ${path} ${issue.message}`;
  if (reported.has(key)) return undefined;
  reported.add(key);
  return path;
}
