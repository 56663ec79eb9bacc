// Creatify template variables: a job's `variables` checked against a template's definitions. The one
// rule both @reelkit/creatify (before any credits are spent) and @reelkit/emulator (its 400s) apply.
import type { components } from '../generated/creatify/index.js';
import { zTemplateVariable } from '../generated/creatify/index.js';
import { closestMatch } from './suggest.js';

type Schemas = components['schemas'];
type TemplateVariable = Schemas['TemplateVariable'];
/** Members of the union whose `type` is a literal (every kind but the escape hatch `OtherVariable`). */
type WithLiteralType<T> = T extends { type: infer K } ? (string extends K ? never : T) : never;
export type VariableKind = WithLiteralType<TemplateVariable>['type'];
/** A template's definition of one variable (`{type, required?, default?}`). */
export type VariableDetail = Schemas['VariableDetail'];

// A record, so a kind added to the spec fails to compile here until it is listed.
const KIND_SET = { text: true, image: true, video: true, audio: true, avatar: true, voiceover: true } satisfies Record<VariableKind, true>;
export const VARIABLE_KINDS = Object.keys(KIND_SET) as readonly VariableKind[];
/** Kinds whose value is a URL Creatify must fetch. */
export const MEDIA_KINDS: ReadonlySet<string> = new Set<VariableKind>(['image', 'video', 'audio']);

export type VariableProblemReason = 'unknown_variable' | 'wrong_type' | 'missing_required' | 'bad_url' | 'malformed';

export interface VariableProblem {
  /** The variable's name (the key in `variables`). */
  name: string;
  reason: VariableProblemReason;
  /** One readable line, e.g. `unknown variable "prodct_name"; did you mean "product_name"?`. */
  message: string;
  /** For `unknown_variable`: the closest name the template defines, if one is close. */
  suggestion?: string;
  /** For `wrong_type`/`missing_required`/`malformed`: the kind the template defines. */
  expected?: string;
}

/** An absolute http(s) URL: what Creatify can fetch media from or deliver webhooks to. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Whether a job must give this variable. The spec defines `default` as the "value used when the
 * variable is not given", so a required variable with a default is satisfied by its default: only
 * `required: true` without a default makes a job that leaves it out invalid.
 */
export function mustBeGiven(definition: VariableDetail): boolean {
  return definition.required === true && definition.default == null;
}

function shapeOf(kind: string): string {
  switch (kind) {
    case 'text':
      return '{ type: "text", properties: { content } }';
    case 'image':
    case 'video':
    case 'audio':
      return `{ type: "${kind}", properties: { url } }`;
    case 'avatar':
      return '{ type: "avatar", properties: { avatar_id } }';
    case 'voiceover':
      return '{ type: "voiceover", properties: { voice_id } }';
    default:
      return `{ type: "${kind}", properties: { … } }`;
  }
}

function mediaUrl(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const properties = (value as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return undefined;
  return (properties as { url?: unknown }).url;
}

const excerpt = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
const list = (names: readonly string[]) => (names.length ? names.map((n) => `"${n}"`).join(', ') : 'no variables');

/** The problem with one given variable, or undefined when it fits its definition. */
function checkOne(name: string, value: unknown, definition: VariableDetail): VariableProblem | undefined {
  const kind = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof kind === 'string' && kind !== definition.type) {
    return { name, reason: 'wrong_type', expected: definition.type, message: `variable "${name}" is ${definition.type} in the template, got ${kind}` };
  }
  const parsed = zTemplateVariable.safeParse(value);
  const url = mediaUrl(value);
  if (!parsed.success) {
    // A bad URL is worth its own reason: it is the common mistake with media variables.
    if (MEDIA_KINDS.has(definition.type) && typeof url === 'string') return { name, reason: 'bad_url', message: `variable "${name}" has an invalid URL: ${excerpt(url)}` };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return { name, reason: 'malformed', expected: definition.type, message: `variable "${name}" is not a valid ${definition.type} variable${where}: expected ${shapeOf(definition.type)}` };
  }
  if (MEDIA_KINDS.has(parsed.data.type) && typeof url === 'string' && !isHttpUrl(url)) {
    return { name, reason: 'bad_url', message: `variable "${name}" must be an http(s) URL, got ${excerpt(url)}` };
  }
  return undefined;
}

/**
 * Every problem of `variables` against the template's `definitions` (empty = valid): unknown names
 * (with a "did you mean"), kinds that differ from the definition, malformed values, media URLs that
 * are not absolute http(s), and required variables without a default that are missing.
 */
export function checkVariables(definitions: Readonly<Record<string, VariableDetail>>, variables: unknown): VariableProblem[] {
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    return [{ name: '', reason: 'malformed', message: 'variables must be an object mapping variable names to values' }];
  }
  const given = variables as Record<string, unknown>;
  const known = Object.keys(definitions);
  const problems: VariableProblem[] = [];
  for (const [name, value] of Object.entries(given)) {
    // Own keys only: a variable called `constructor` or `__proto__` is not defined by Object.prototype.
    const definition = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    if (!definition) {
      const suggestion = closestMatch(name, known)?.value;
      problems.push({
        name,
        reason: 'unknown_variable',
        message: `unknown variable "${name}"${suggestion ? `; did you mean "${suggestion}"?` : `; the template defines ${list(known)}`}`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    const problem = checkOne(name, value, definition);
    if (problem) problems.push(problem);
  }
  for (const [name, definition] of Object.entries(definitions)) {
    if (mustBeGiven(definition) && !Object.hasOwn(given, name)) {
      problems.push({ name, reason: 'missing_required', expected: definition.type, message: `required ${definition.type} variable "${name}" is missing` });
    }
  }
  return problems;
}
