// Checks `modifications` against a template's source before credits are spent. Creatomate ignores a
// key that matches nothing (and takes any value), so a typo or a renamed element silently renders the
// template's default content; this finds such keys and values first.
import { distance } from 'fastest-levenshtein';
import { isRecord, walkElements, type InspectedElement } from './inspect.js';
import {
  ELEMENT_PROPERTIES,
  OUTPUT_FORMATS,
  TOP_LEVEL_PROPERTIES,
  type Modifications,
  type SpecSource,
  type ValueKind,
} from './renderscript.js';

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
  | 'invalid_value';

export interface ModificationProblem {
  key: string;
  code: ModificationProblemCode;
  message: string;
  /** A close key that does exist ("did you mean"). */
  suggestion?: string;
}

type El = InspectedElement & { raw: Record<string, unknown> };

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  return typeof v === 'number' || typeof v === 'boolean' ? `${typeof v} ${v}` : typeof v;
};

/** `<index>.value|time|easing`: the rest of a keyframe path after `Name.property`. */
const isKeyframePath = (more: readonly string[]) => more.length === 2 && /^\d+$/.test(more[0]!) && ['value', 'time', 'easing'].includes(more[1]!);

const isKeyframes = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((k) => isRecord(k) && 'value' in k);

function isUrl(v: string): boolean {
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
      return typeof value === 'string' || typeof value === 'number' ? undefined : `expects text (a string or number), got ${describe(value)}`;
    case 'url':
      return typeof value === 'string' && isUrl(value) ? undefined : `expects a URL (http, https or data), got ${describe(value)}`;
    case 'color':
      return typeof value === 'string' || isKeyframes(value) ? undefined : `expects a color string or keyframes, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expects true or false, got ${describe(value)}`;
    case 'measure':
      return typeof value === 'number' || typeof value === 'string' || isKeyframes(value)
        ? undefined
        : `expects a number, a string with a unit (e.g. "50%") or keyframes, got ${describe(value)}`;
    case 'format':
      return (OUTPUT_FORMATS as readonly unknown[]).includes(value) ? undefined : `expects one of ${OUTPUT_FORMATS.join(', ')}, got ${describe(value)}`;
  }
}

/** Properties a modification may set on this element: the documented ones for its kind plus any it already has. */
export function propertiesOf(el: { type: InspectedElement['type']; properties: readonly string[] }): Record<string, ValueKind> {
  const known: Record<string, ValueKind> = { ...ELEMENT_PROPERTIES[el.type] };
  for (const p of el.properties) if (!Object.hasOwn(known, p)) known[p] = 'any';
  return known;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(input: string, candidates: Iterable<string>): { value: string; distance: number } | undefined {
  const needle = input.toLowerCase();
  let best: { value: string; distance: number } | undefined;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (!best || d < best.distance) best = { value: c, distance: d };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.ceil(input.length / 3)) ? best : undefined;
}

/**
 * Returns every problem with `modifications` for this `source` (a template's RenderScript): keys
 * that match nothing (with a "did you mean" suggestion) and values of the wrong kind. An empty list
 * means every key addresses something and every checked value fits.
 */
export function validateModifications(source: SpecSource, modifications: Modifications): ModificationProblem[] {
  if (!isRecord(modifications)) return [{ key: '', code: 'invalid_value', message: `modifications must be an object, got ${describe(modifications)}` }];
  const elements = walkElements(source);
  const byKey = new Map<string, El[]>();
  for (const el of elements) {
    for (const k of new Set([el.name, el.id])) if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), el]);
  }
  const placeholders = new Set(elements.flatMap((el) => el.placeholders));
  const bareKeys = [...byKey.keys(), ...placeholders, ...Object.keys(TOP_LEVEL_PROPERTIES)];

  const problems: ModificationProblem[] = [];
  const add = (key: string, code: ModificationProblemCode, message: string, suggestion?: string) =>
    problems.push(suggestion === undefined ? { key, code, message } : { key, code, message, suggestion });
  const valueProblem = (key: string, what: string, kind: ValueKind, value: unknown) => {
    const why = checkValue(kind, value);
    if (why) add(key, 'invalid_value', `'${key}' sets ${what}, which ${why}`);
  };

  for (const [key, value] of Object.entries(modifications)) {
    // 1. `Name` or `<element id>`: the main property of every element with that name.
    const direct = byKey.get(key);
    if (direct) {
      const withMain = direct.filter((el) => el.mainProperty !== null);
      if (withMain.length === 0) {
        const el = direct[0]!;
        add(key, 'no_main_property', `'${key}' is a ${el.type} element, which has no main property; address a property, e.g. '${key}.${el.type === 'shape' ? 'fill_color' : 'opacity'}'`);
      }
      for (const main of new Set(withMain.map((el) => el.mainProperty!))) valueProblem(key, `the ${main} of '${key}'`, main === 'text' ? 'text' : 'url', value);
      continue;
    }
    const parts = key.split('.');
    if (parts.length === 1) {
      // 2. `placeholder` in any text element, or 3. a top-level property.
      if (placeholders.has(key)) valueProblem(key, `the placeholder {{${key}}}`, 'text', value);
      else if (Object.hasOwn(TOP_LEVEL_PROPERTIES, key)) valueProblem(key, `the top-level property '${key}'`, TOP_LEVEL_PROPERTIES[key]!, value);
      else {
        const near = closest(key, bareKeys);
        add(key, 'unknown_key', `'${key}' matches no element name or id, placeholder or top-level property${near ? `; did you mean '${near.value}'?` : ''}`, near?.value);
      }
      continue;
    }
    // 4. `Name.property[.more]`: the longest prefix that names an element wins (names may contain dots).
    let handled = false;
    for (let i = parts.length - 1; i >= 1 && !handled; i--) {
      const prefix = parts.slice(0, i).join('.');
      const matches = byKey.get(prefix);
      if (!matches) continue;
      handled = true;
      const [prop, ...more] = parts.slice(i) as [string, ...string[]];
      if (prop === 'text' && more.length === 1 && !/^\d+$/.test(more[0]!) && matches.some((el) => el.type === 'text')) {
        const own = new Set(matches.flatMap((el) => el.placeholders));
        const ph = more[0]!;
        if (!own.has(ph)) {
          const near = closest(ph, own);
          add(key, 'unknown_placeholder', `'${prefix}' has no placeholder {{${ph}}} in its text${near ? `; did you mean '${prefix}.text.${near.value}'?` : ''}`, near && `${prefix}.text.${near.value}`);
        } else valueProblem(key, `the placeholder {{${ph}}} in '${prefix}'`, 'text', value);
        continue;
      }
      const known = matches.map(propertiesOf);
      if (!known.some((k) => Object.hasOwn(k, prop))) {
        const near = closest(prop, new Set(known.flatMap(Object.keys)));
        const kinds = [...new Set(matches.map((el) => el.type))].join('/');
        add(key, 'unknown_property', `'${prefix}' is a ${kinds} element, which has no property '${prop}'${near ? `; did you mean '${prefix}.${near.value}'?` : ''}`, near && `${prefix}.${near.value}`);
      } else if (more.length === 0 || isKeyframePath(more)) {
        const kind = known.map((k) => (Object.hasOwn(k, prop) ? k[prop] : undefined)).find((k) => k !== undefined && k !== 'any') ?? 'any';
        // A keyframe's `value` is checked like the property; its `time` and `easing` are not.
        if (more.length === 0 || more[1] === 'value') valueProblem(key, `'${prop}' of '${prefix}'`, kind, value);
      } else {
        add(key, 'unknown_property', `'${key}' is not a property of '${prefix}': after '${prefix}.${prop}' only a keyframe path ('${prefix}.${prop}.<index>.value', '.time' or '.easing') may follow`);
      }
    }
    if (handled) continue;
    if (Object.hasOwn(TOP_LEVEL_PROPERTIES, parts[0]!)) continue; // a path into a top-level value, e.g. `fonts.0.source`
    // Unknown element in a dotted key: suggest the closest element name, keeping the rest of the key.
    let best: { value: string; distance: number } | undefined;
    for (let i = parts.length - 1; i >= 1; i--) {
      const near = closest(parts.slice(0, i).join('.'), byKey.keys());
      if (near && (!best || near.distance < best.distance)) best = { value: [near.value, ...parts.slice(i)].join('.'), distance: near.distance };
    }
    add(key, 'unknown_key', `'${key}' names no element (by name or id)${best ? `; did you mean '${best.value}'?` : ''}`, best?.value);
  }
  return problems;
}
