// Tolerant reading of responses. A vendor adds a status, a field or a looser id format long before
// the spec says so; that is drift, reported once per process, not a reason to stop every read.
// A body that cannot be what the spec says (missing fields, wrong types) is still an error.
import type { ZodType } from 'zod';
import type { ValidationIssue } from './errors.js';
import { fastPredicate, toIssues } from './validation.js';

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
  // The usual answer (exactly what the spec says, nothing new) without zod's parse and the field walk.
  return fastPredicate(schema, 'reject')?.(data) ? { errors: [], drift: [] } : analyseTolerant(schema, data);
}

/** The full analysis behind checkTolerant: zod's issues split into errors and drift, plus undeclared fields. */
export function analyseTolerant(schema: ZodType, data: unknown): CheckedResponse {
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

/** What the walk does at one schema, computed once per schema (the walk runs on every response). */
type Node = { kind: 'object'; shape: Record<string, ZodType>; open: boolean } | { kind: 'array'; item: ZodType } | { kind: 'record'; item: ZodType } | { kind: 'leaf' };

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);
const nodes = new WeakMap<ZodType, Node>();
const LEAF: Node = { kind: 'leaf' };

function nodeOf(schema: ZodType): Node {
  let node = nodes.get(schema);
  if (node) return node;
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) || def.type === 'pipe' || def.type === 'lazy') {
    const inner = def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : def.innerType;
    if (!inner) break;
    def = defOf(inner);
  }
  // Unions are not entered: which branch a value meant is not knowable here.
  if (def.type === 'object' && def.shape) node = { kind: 'object', shape: def.shape, open: def.catchall !== undefined };
  else if (def.type === 'array' && def.element) node = { kind: 'array', item: def.element };
  else if (def.type === 'record' && def.valueType) node = { kind: 'record', item: def.valueType };
  else node = LEAF;
  nodes.set(schema, node);
  return node;
}

/** Fields the object schemas do not declare (z.object ignores them silently). `path` is reused, not copied. */
function unknownFields(schema: ZodType, value: unknown, path: string[], out: ValidationIssue[], depth: number): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  const node = nodeOf(schema);
  if (node.kind === 'leaf') return;
  if (node.kind === 'array') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) visit(node.item, value[i], String(i), path, out, depth);
    return;
  }
  if (Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    if (node.kind === 'record') visit(node.item, obj[k], k, path, out, depth);
    else if (Object.hasOwn(node.shape, k)) visit(node.shape[k]!, obj[k], k, path, out, depth);
    else if (!node.open) out.push({ path: [...path, k].join('.'), message: 'unknown field (not in the spec)' });
  }
}

function visit(schema: ZodType, value: unknown, key: string, path: string[], out: ValidationIssue[], depth: number): void {
  if (value === null || typeof value !== 'object') return;
  path.push(key);
  unknownFields(schema, value, path, out, depth + 1);
  path.pop();
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
