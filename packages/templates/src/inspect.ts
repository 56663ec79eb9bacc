// Discovery of what a template's modifications can address. The addressing rules themselves (names
// and ids at any depth, main properties, `{{placeholder}}` keys) are vendor rules in
// @reelkit/core/rules/creatomate, the same ones the emulator applies; this shapes them for readers.
import { elementsOf, TOP_LEVEL_PROPERTIES, type SourceElement } from '@reelkit/core/rules/creatomate';
import type { ElementType, SpecSource } from './renderscript.js';

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

function inspected(el: SourceElement): InspectedElement {
  const { raw } = el;
  return {
    type: el.type,
    name: el.name,
    id: el.id,
    dynamic: raw.dynamic === true,
    visible: raw.visible !== false,
    locked: raw.locked === true,
    path: el.path,
    mainProperty: el.mainProperty,
    value: el.mainProperty ? raw[el.mainProperty] : undefined,
    placeholders: el.placeholders,
    properties: Object.keys(raw).filter((k) => !['type', 'elements', 'name', 'id'].includes(k)),
  };
}

/** Lists what a RenderScript source lets `modifications` address. Pass a template's `source` (from `templates.get`). */
export function inspectTemplate(source: SpecSource): TemplateInspection {
  const all = elementsOf(source);
  const properties: Record<string, unknown> = {};
  for (const key of Object.keys(TOP_LEVEL_PROPERTIES)) if (source[key] !== undefined) properties[key] = source[key];

  const placeholders = new Map<string, (string | null)[]>();
  for (const el of all) {
    for (const p of el.placeholders) placeholders.set(p, [...(placeholders.get(p) ?? []), el.name ?? el.id]);
  }
  return {
    properties,
    elements: all.filter((el) => el.name !== null || el.id !== null).map(inspected),
    placeholders: [...placeholders].map(([name, elements]) => ({ name, elements })),
  };
}
