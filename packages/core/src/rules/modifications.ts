// Modification keys: what each one reaches in a source (resolveModificationKey, the one rule the
// emulator applies and the SDK checks) and every problem reelkit reports before a render is paid for
// (checkModifications). Creatomate ignores a key that reaches nothing, so a typo renders the
// template's default content: this is where that is caught.
import {
  indexSource, isRecord, OUTPUT_FORMATS, propertiesOf, TOP_LEVEL_PROPERTIES,
  type SourceElement, type SourceIndex, type Source, type ValueKind,
} from './renderscript.js';
import { closestMatch } from './suggest.js';
import { MAX_PATH_INDEX, MAX_PATH_SEGMENTS, unsafeKeyReason } from './modification-keys.js';

export { MAX_PATH_INDEX, MAX_PATH_SEGMENTS, unsafeKeyReason };

/** What a key reaches; a key may reach several (every element with a name, every text with a placeholder). */
export type ModificationTarget =
  /** A bare `Name` or id: the element's main property. */
  | { kind: 'main'; element: SourceElement; property: 'text' | 'source' }
  /** `Name.property`, or a keyframe path `Name.property.<index>.value|time|easing` (`path` is the part after the property). */
  | { kind: 'property'; element: SourceElement; handle: string; property: string; path: readonly string[] }
  /** `{{placeholder}}` in this text element (a bare `placeholder` key, or `Name.text.placeholder`). */
  | { kind: 'placeholder'; element: SourceElement; placeholder: string; scoped: boolean }
  /** A top-level property (`width`, `fonts`), or a path into one (`fonts.0.source`). */
  | { kind: 'top_level'; property: string; path: readonly string[] };

export type ModificationProblemCode =
  /** The key matches no element, placeholder or top-level property. */
  | 'unknown_key'
  /** `Name.property` names an element but a property that element kind does not have. */
  | 'unknown_property'
  /** `Name.text.placeholder` names a placeholder that is not in that element's text. */
  | 'unknown_placeholder'
  /** A bare `Name` for an element kind without a main property (shape, composition). */
  | 'no_main_property'
  /** The value is of the wrong kind for what the key sets. */
  | 'invalid_value'
  /** The key reaches for a prototype (`__proto__`, …) or a huge index; it is refused, not ignored. */
  | 'unsafe_key';

export interface ModificationProblem {
  key: string;
  code: ModificationProblemCode;
  message: string;
  /** A close key that does exist ("did you mean"). */
  suggestion?: string;
}

export type Resolution = { targets: ModificationTarget[] } | { problem: ModificationProblem };

const problem = (key: string, code: ModificationProblemCode, message: string, suggestion?: string): { problem: ModificationProblem } =>
  ({ problem: suggestion === undefined ? { key, code, message } : { key, code, message, suggestion } });

const didYouMean = (s: string | undefined) => (s === undefined ? '' : `; did you mean '${s}'?`);

/** `<index>.value|time|easing`: the rest of a keyframe path after `Name.property`. */
const isKeyframePath = (more: readonly string[]) => more.length === 2 && /^\d+$/.test(more[0]!) && ['value', 'time', 'easing'].includes(more[1]!);

/** A bare key: elements by name/id (main property) and placeholders, else a top-level property. */
function resolveBare(index: SourceIndex, key: string): Resolution | undefined {
  const direct = index.byHandle.get(key) ?? [];
  const targets: ModificationTarget[] = [];
  for (const element of direct) if (element.mainProperty) targets.push({ kind: 'main', element, property: element.mainProperty });
  for (const element of index.placeholders.get(key) ?? []) targets.push({ kind: 'placeholder', element, placeholder: key, scoped: false });
  if (targets.length > 0) return { targets };
  if (direct.length > 0) {
    const el = direct[0]!;
    return problem(key, 'no_main_property', `'${key}' is a ${el.type} element, which has no main property; address a property, e.g. '${key}.${el.type === 'shape' ? 'fill_color' : 'opacity'}'`);
  }
  if (Object.hasOwn(TOP_LEVEL_PROPERTIES, key)) return { targets: [{ kind: 'top_level', property: key, path: [] }] };
  return undefined;
}

/** `Name.property[.more]` where `Name` (which may itself contain dots) names elements. */
function resolveElementPath(key: string, handle: string, matches: readonly SourceElement[], rest: readonly string[]): Resolution {
  const [property, ...more] = rest as [string, ...string[]];
  if (property === 'text' && more.length === 1 && !/^\d+$/.test(more[0]!) && matches.some((el) => el.type === 'text')) {
    const name = more[0]!;
    const holders = matches.filter((el) => el.placeholders.includes(name));
    if (holders.length > 0) return { targets: holders.map((element) => ({ kind: 'placeholder', element, placeholder: name, scoped: true })) };
    const near = closestMatch(name, new Set(matches.flatMap((el) => el.placeholders)));
    const suggestion = near && `${handle}.text.${near.value}`;
    return problem(key, 'unknown_placeholder', `'${handle}' has no placeholder {{${name}}} in its text${didYouMean(suggestion)}`, suggestion);
  }
  if (more.length > 0 && !isKeyframePath(more)) {
    return problem(key, 'unknown_property', `'${key}' is not a property of '${handle}': after '${handle}.${property}' only a keyframe path ('${handle}.${property}.<index>.value', '.time' or '.easing') may follow`);
  }
  return { targets: matches.map((element) => ({ kind: 'property', element, handle, property, path: more })) };
}

/** The closest existing key to an unknown one: placeholders first (a typo of `price` in `Only {{price}}` means the placeholder, not the whole text), then names, then top-level properties. */
function suggestKey(index: SourceIndex, key: string): string | undefined {
  const parts = key.split('.');
  if (parts.length === 1) return closestMatch(key, [...index.placeholders.keys(), ...index.byHandle.keys(), ...Object.keys(TOP_LEVEL_PROPERTIES)])?.value;
  let best: { value: string; distance: number } | undefined;
  for (let i = parts.length - 1; i >= 1; i--) {
    const near = closestMatch(parts.slice(0, i).join('.'), index.byHandle.keys());
    if (near && (!best || near.distance < best.distance)) best = { value: [near.value, ...parts.slice(i)].join('.'), distance: near.distance };
  }
  return best?.value;
}

/**
 * What `key` reaches in the source of `index`, by Creatomate's documented rules:
 * 1. `Name` or an element id: the main property of every element with that handle, and
 *    `{{Name}}` in every text element; else a top-level property of that name.
 * 2. `Name.property[.<index>.value|time|easing]`: the longest prefix that names elements wins
 *    (names may contain dots); `Name.text.placeholder` reaches that placeholder in that element only.
 * 3. `top_level.path` (e.g. `fonts.0.source`): a path into a top-level value.
 * Otherwise a problem (the vendor would ignore the key), with a "did you mean" where one is close.
 */
export function resolveModificationKey(index: SourceIndex, key: string): Resolution {
  const unsafe = unsafeKeyReason(key);
  if (unsafe) return problem(key, 'unsafe_key', `'${key}' is refused: ${unsafe}`);
  const bare = resolveBare(index, key);
  if (bare) return bare;
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const handle = parts.slice(0, i).join('.');
    const matches = index.byHandle.get(handle);
    if (matches) return resolveElementPath(key, handle, matches, parts.slice(i));
  }
  if (parts.length > 1 && Object.hasOwn(TOP_LEVEL_PROPERTIES, parts[0]!)) return { targets: [{ kind: 'top_level', property: parts[0]!, path: parts.slice(1) }] };
  const suggestion = suggestKey(index, key);
  const what = parts.length === 1 ? 'matches no element name or id, placeholder or top-level property' : 'names no element (by name or id)';
  return problem(key, 'unknown_key', `'${key}' ${what}${didYouMean(suggestion)}`, suggestion);
}

/** A short description of a value for messages (strings cut to 60 characters). */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  return typeof v === 'number' || typeof v === 'boolean' ? `${typeof v} ${v}` : typeof v;
}

const isKeyframes = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((k) => isRecord(k) && 'value' in k);

/** An absolute URL of a scheme the vendor can fetch from: http(s), or inline `data:`. */
function isMediaUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'data:';
  } catch {
    return false;
  }
}

/** Why `value` does not fit `kind`, or undefined when it does. `null` always fits (it unsets a value). */
export function checkValue(kind: ValueKind, value: unknown): string | undefined {
  if (value === null || kind === 'any') return undefined;
  switch (kind) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? undefined : `expects text (a string or number), got ${describeValue(value)}`;
    case 'url':
      return typeof value === 'string' && isMediaUrl(value) ? undefined : `expects a URL (http, https or data), got ${describeValue(value)}`;
    case 'color':
      return typeof value === 'string' || isKeyframes(value) ? undefined : `expects a color string or keyframes, got ${describeValue(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expects true or false, got ${describeValue(value)}`;
    case 'measure':
      return typeof value === 'number' || typeof value === 'string' || isKeyframes(value)
        ? undefined
        : `expects a number, a string with a unit (e.g. "50%") or keyframes, got ${describeValue(value)}`;
    case 'format':
      return (OUTPUT_FORMATS as readonly unknown[]).includes(value) ? undefined : `expects one of ${OUTPUT_FORMATS.join(', ')}, got ${describeValue(value)}`;
  }
}

/** What a target sets (for messages) and the kind of value it takes; undefined: any value (a keyframe's time or easing, a path into a top-level value). */
function expectation(key: string, target: ModificationTarget): { what: string; kind: ValueKind } | undefined {
  switch (target.kind) {
    case 'main':
      return { what: `the ${target.property} of '${key}'`, kind: target.property === 'text' ? 'text' : 'url' };
    case 'placeholder':
      return { what: `the placeholder {{${target.placeholder}}}`, kind: 'text' };
    case 'top_level':
      return target.path.length === 0 ? { what: `the top-level property '${target.property}'`, kind: TOP_LEVEL_PROPERTIES[target.property]! } : undefined;
    case 'property': {
      // A keyframe's `value` is checked like the property; its `time` and `easing` are not.
      if (target.path.length > 0 && target.path[1] !== 'value') return undefined;
      const kind = propertiesOf(target.element)[target.property];
      return kind === undefined ? undefined : { what: `'${target.property}' of '${target.handle}'`, kind };
    }
  }
}

/** A `Name.property` target whose property no element with that handle has: a likely typo, which the vendor would ignore. */
function unknownProperty(key: string, targets: readonly ModificationTarget[]): ModificationProblem | undefined {
  const props = targets.filter((t) => t.kind === 'property');
  if (props.length === 0 || props.some((t) => Object.hasOwn(propertiesOf(t.element), t.property))) return undefined;
  const { handle, property } = props[0]!;
  const near = closestMatch(property, new Set(props.flatMap((t) => Object.keys(propertiesOf(t.element)))));
  const suggestion = near && `${handle}.${near.value}`;
  const kinds = [...new Set(props.map((t) => t.element.type))].join('/');
  return problem(key, 'unknown_property', `'${handle}' is a ${kinds} element, which has no property '${property}'${didYouMean(suggestion)}`, suggestion).problem;
}

/**
 * Every problem with `modifications` for this `source` (a template's RenderScript): keys that reach
 * nothing (with a "did you mean"), unsafe keys, properties the element kind does not have, and values
 * of the wrong kind. Empty: every key reaches something and every checked value fits.
 */
export function checkModifications(source: Source, modifications: unknown): ModificationProblem[] {
  if (!isRecord(modifications)) return [{ key: '', code: 'invalid_value', message: `modifications must be an object, got ${describeValue(modifications)}` }];
  const index = indexSource(source);
  const problems: ModificationProblem[] = [];
  for (const [key, value] of Object.entries(modifications)) {
    const resolved = resolveModificationKey(index, key);
    if ('problem' in resolved) {
      problems.push(resolved.problem);
      continue;
    }
    const unknown = unknownProperty(key, resolved.targets);
    if (unknown) {
      problems.push(unknown);
      continue;
    }
    const seen = new Set<string>();
    for (const target of resolved.targets) {
      const expected = expectation(key, target);
      const why = expected && checkValue(expected.kind, value);
      if (expected && why && !seen.has(expected.what)) {
        seen.add(expected.what);
        problems.push({ key, code: 'invalid_value', message: `'${key}' sets ${expected.what}, which ${why}` });
      }
    }
  }
  return problems;
}
