// Discovery of what a template's modifications can address, following Creatomate's rules
// (../shared/reference/creatomate-api.md §3–4): elements are addressed by name or id at any depth,
// a bare name sets the main property, `{{placeholder}}` tokens in text are keys of their own.
import { ELEMENT_TYPES, mainPropertyOf, TOP_LEVEL_PROPERTIES, type ElementType, type SpecSource } from './renderscript.js';

export interface InspectedElement {
  type: ElementType;
  name: string | null;
  id: string | null;
  dynamic: boolean;
  visible: boolean;
  locked: boolean;
  /** Names (or ids, or `#index`) of the compositions that contain the element, outermost first. */
  path: string[];
  /** The property a bare `Name` key sets, when the element kind has one. */
  mainProperty: 'text' | 'source' | null;
  /** The template's current value of the main property. */
  value: unknown;
  /** `{{placeholder}}` tokens in this element's text. */
  placeholders: string[];
  /** Properties the template sets on this element. */
  properties: string[];
}

export interface Placeholder {
  name: string;
  /** Names (or ids) of the text elements that contain it; `null` entries are unnamed elements. */
  elements: (string | null)[];
}

export interface TemplateInspection {
  /** Top-level properties the source sets (`width`, `height`, `duration`, `output_format`, …). */
  properties: Record<string, unknown>;
  /** Every element a modification can address (it has a name or an id), depth first. */
  elements: InspectedElement[];
  /** Every `{{placeholder}}` in any text element. */
  placeholders: Placeholder[];
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function placeholdersIn(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

const asString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Every element with its position, addressable or not (validation needs the unnamed ones' placeholders). */
export function walkElements(source: SpecSource): (InspectedElement & { raw: Record<string, unknown> })[] {
  const out: (InspectedElement & { raw: Record<string, unknown> })[] = [];
  const walk = (list: unknown, path: string[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw: unknown, index) => {
      if (!isRecord(raw)) return;
      const type = (ELEMENT_TYPES as readonly unknown[]).includes(raw.type) ? (raw.type as ElementType) : null;
      if (type === null) return;
      const name = asString(raw.name);
      const id = asString(raw.id);
      const main = mainPropertyOf(type) ?? null;
      out.push({
        type,
        name,
        id,
        dynamic: raw.dynamic === true,
        visible: raw.visible !== false,
        locked: raw.locked === true,
        path,
        mainProperty: main,
        value: main ? raw[main] : undefined,
        placeholders: type === 'text' ? placeholdersIn(raw.text) : [],
        properties: Object.keys(raw).filter((k) => !['type', 'elements', 'name', 'id'].includes(k)),
        raw,
      });
      if (type === 'composition') walk(raw.elements, [...path, name ?? id ?? `#${index}`]);
    });
  };
  walk(source.elements, []);
  return out;
}

/** Lists what a RenderScript source lets `modifications` address. Pass a template's `source` (from `templates.get`). */
export function inspectTemplate(source: SpecSource): TemplateInspection {
  const all = walkElements(source);
  const properties: Record<string, unknown> = {};
  for (const key of Object.keys(TOP_LEVEL_PROPERTIES)) if (source[key] !== undefined) properties[key] = source[key];

  const placeholders = new Map<string, (string | null)[]>();
  for (const el of all) {
    for (const p of el.placeholders) placeholders.set(p, [...(placeholders.get(p) ?? []), el.name ?? el.id]);
  }
  return {
    properties,
    elements: all.filter((el) => el.name !== null || el.id !== null).map(({ raw: _raw, ...el }) => el),
    placeholders: [...placeholders].map(([name, elements]) => ({ name, elements })),
  };
}
