// Typed template variables: the spec's `TemplateVariable` union, constructors for each kind, and a
// check of a job's variables against a template's variable definitions before any credits are spent.
import { ReelkitError } from '@reelkit/core';
import { distance } from 'fastest-levenshtein';
import type { components } from '@reelkit/core/creatify';
import { zTemplateVariable } from '@reelkit/core/creatify';
import { isHttpUrl } from './input.js';

type Schemas = components['schemas'];

export type TextVariable = Schemas['TextVariable'];
export type ImageVariable = Schemas['ImageVariable'];
export type VideoVariable = Schemas['VideoVariable'];
export type AudioVariable = Schemas['AudioVariable'];
export type AvatarVariable = Schemas['AvatarVariable'];
export type VoiceoverVariable = Schemas['VoiceoverVariable'];
/** A variable kind the API added after this package was written (escape hatch). */
export type OtherVariable = Schemas['OtherVariable'];
/** Any variable value, as the spec defines it (the six known kinds plus `OtherVariable`). */
export type TemplateVariable = Schemas['TemplateVariable'];
/** The `variables` object of a job: variable name → value. */
export type TemplateVariables = Schemas['TemplateVariables'];
/** Members of the union whose `type` is a literal (every kind but the escape hatch). */
type WithLiteralType<T> = T extends { type: infer K } ? (string extends K ? never : T) : never;
/**
 * The known kinds only, derived from the spec's union. `OtherVariable.type` is `string`, so
 * narrowing on `type` works on this union, not on `TemplateVariable`; use `isKnownVariable` first.
 */
export type KnownVariable = WithLiteralType<TemplateVariable>;
export type VariableKind = KnownVariable['type'];
/** A template's definition of one variable (`{type, required?, default?}`). */
export type VariableDetail = Schemas['VariableDetail'];
/** Anything carrying variable definitions: a fetched `CustomTemplateDetail` or a seed template. */
export type TemplateWithVariables = Pick<Schemas['CustomTemplateDetail'], 'variables'>;

// A record, so a kind added to the spec fails to compile here until it is listed.
const KIND_SET = { text: true, image: true, video: true, audio: true, avatar: true, voiceover: true } satisfies Record<VariableKind, true>;
export const VARIABLE_KINDS = Object.keys(KIND_SET) as readonly VariableKind[];
const MEDIA_KINDS: ReadonlySet<string> = new Set<VariableKind>(['image', 'video', 'audio']);

export function isKnownVariable(value: TemplateVariable): value is KnownVariable {
  return (VARIABLE_KINDS as readonly string[]).includes(value.type);
}

/** Text for a `{{placeholder}}` in the template. */
export function text(content: string): TextVariable {
  return { type: 'text', properties: { content } };
}
/** An image by public URL. */
export function image(url: string | URL): ImageVariable {
  return { type: 'image', properties: { url: String(url) } };
}
/** A video clip by public URL. */
export function video(url: string | URL): VideoVariable {
  return { type: 'video', properties: { url: String(url) } };
}
/** Background audio by public URL. */
export function audio(url: string | URL): AudioVariable {
  return { type: 'audio', properties: { url: String(url) } };
}
/** An avatar (persona) id. */
export function avatar(avatar_id: string): AvatarVariable {
  return { type: 'avatar', properties: { avatar_id } };
}
/** A voice id (`accents[].id` from Creatify's voices endpoint). */
export function voiceover(voice_id: string): VoiceoverVariable {
  return { type: 'voiceover', properties: { voice_id } };
}

/**
 * Escape hatch for a variable kind the API adds later: `variable('sticker', { sticker_id: 'x' })`.
 * A known kind is refused (at compile time and at run time) so its typed helper is used instead.
 */
export function variable<K extends string>(
  type: K extends VariableKind ? never : K,
  properties: Record<string, unknown>,
): OtherVariable {
  if ((VARIABLE_KINDS as readonly string[]).includes(type)) {
    throw new ReelkitError(`variable("${type}") — use the ${type}() helper for the known kind "${type}"`);
  }
  return { type, properties };
}

export type VariableProblemReason = 'unknown_variable' | 'wrong_type' | 'missing_required' | 'bad_url' | 'malformed';

export interface VariableProblem {
  /** The variable's name (the key in `variables`). */
  name: string;
  reason: VariableProblemReason;
  /** One readable line, e.g. `unknown variable "prodct_name"; did you mean "product_name"?`. */
  message: string;
  /** For `unknown_variable`: the closest name the template defines, if one is close. */
  suggestion?: string;
  /** For `wrong_type`/`missing_required`: the kind the template defines. */
  expected?: string;
}

/**
 * Checks `variables` against the template's definitions and returns every problem (empty = valid).
 * A variable counts as missing when the template marks it `required` and gives no `default`.
 * Media URLs must be absolute http(s) URLs, which Creatify can fetch.
 */
export function validateVariables(template: TemplateWithVariables, variables: unknown): VariableProblem[] {
  const problems: VariableProblem[] = [];
  const definitions = template.variables;
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    return [{ name: '', reason: 'malformed', message: 'variables must be an object mapping variable names to values' }];
  }
  const given = variables as Record<string, unknown>;
  const known = Object.keys(definitions);

  for (const [name, value] of Object.entries(given)) {
    // Own keys only: a variable called `constructor` or `__proto__` is not defined by Object.prototype.
    const definition = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    if (!definition) {
      const suggestion = closest(name, known);
      problems.push({
        name,
        reason: 'unknown_variable',
        message: `unknown variable "${name}"${suggestion ? `; did you mean "${suggestion}"?` : `; the template defines ${list(known)}`}`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    const kind = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    if (typeof kind === 'string' && kind !== definition.type) {
      problems.push({
        name,
        reason: 'wrong_type',
        expected: definition.type,
        message: `variable "${name}" is ${definition.type} in the template, got ${kind}`,
      });
      continue;
    }
    const parsed = zTemplateVariable.safeParse(value);
    if (!parsed.success) {
      // A bad URL is worth its own reason: it is the common mistake with media variables.
      const url = mediaUrl(value);
      if (MEDIA_KINDS.has(definition.type) && typeof url === 'string') {
        problems.push({ name, reason: 'bad_url', message: `variable "${name}" has an invalid URL: ${excerpt(url)}` });
      } else {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
        problems.push({
          name,
          reason: 'malformed',
          expected: definition.type,
          message: `variable "${name}" is not a valid ${definition.type} variable${where}: expected ${shapeOf(definition.type)}`,
        });
      }
      continue;
    }
    if (MEDIA_KINDS.has(parsed.data.type)) {
      const url = mediaUrl(parsed.data);
      if (typeof url === 'string' && !isHttpUrl(url)) {
        problems.push({ name, reason: 'bad_url', message: `variable "${name}" must be an http(s) URL, got ${excerpt(url)}` });
      }
    }
  }

  for (const [name, definition] of Object.entries(definitions)) {
    if (definition.required === true && definition.default == null && !Object.hasOwn(given, name)) {
      problems.push({
        name,
        reason: 'missing_required',
        expected: definition.type,
        message: `required ${definition.type} variable "${name}" is missing`,
      });
    }
  }
  return problems;
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

function excerpt(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

function list(names: readonly string[]): string {
  return names.length ? names.map((n) => `"${n}"`).join(', ') : 'no variables';
}

/**
 * The defined name closest to `name` (case-insensitive edit distance), when it is close enough to
 * be a typo: at most max(2, floor(name.length / 3)) edits. Stricter than @reelkit/templates'
 * ceil(length / 3): variable names are short, and a looser rule suggests unrelated names.
 */
function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
