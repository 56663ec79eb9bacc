// RenderScript addressing, as Creatomate documents it (reference notes §3–4): which element, placeholder
// or top-level property a modification key reaches. Pure functions over a source, used by
// @reelkit/templates (validateModifications, inspectTemplate, codegen) and by @reelkit/emulator
// (applying modifications), so what the SDK accepts is exactly what the emulator applies.
import { isRecord } from './values.js';
import type { components } from '../generated/creatomate/index.js';

type CreateRenderRequest = components['schemas']['CreateRenderRequest'];
/** An inline RenderScript source: the spec types it only as an open object. */
export type Source = NonNullable<CreateRenderRequest['source']>;
export type OutputFormat = NonNullable<CreateRenderRequest['output_format']>;
export type Modifications = NonNullable<CreateRenderRequest['modifications']>;

// Records keyed by the generated union, so a format added to the spec fails to compile here until listed.
const FORMAT_SET = { jpg: true, png: true, gif: true, mp4: true } satisfies Record<OutputFormat, true>;
export const OUTPUT_FORMATS = Object.keys(FORMAT_SET) as readonly OutputFormat[];

/** Element kinds of RenderScript (not in the spec, which leaves `source` open). */
export type ElementType = 'text' | 'image' | 'video' | 'audio' | 'shape' | 'composition';
export const ELEMENT_TYPES: readonly ElementType[] = ['text', 'image', 'video', 'audio', 'shape', 'composition'];

/** What kind of value a property takes, as far as reelkit checks it. */
export type ValueKind = 'text' | 'url' | 'color' | 'boolean' | 'measure' | 'format' | 'any';

/**
 * The property a bare `Name` key sets: `text` for text, `source` for the file-based elements. Only
 * these are documented; a shape or composition has no main property, so `Badge: '#ff0000'` for a shape
 * sets nothing (the SDK reports `no_main_property`, the emulator ignores it like any unmatched key).
 */
export function mainPropertyOf(type: unknown): 'text' | 'source' | undefined {
  if (type === 'text') return 'text';
  if (type === 'image' || type === 'video' || type === 'audio') return 'source';
  return undefined;
}

const COMMON: Record<string, ValueKind> = {
  id: 'any', name: 'any', track: 'measure', time: 'measure', duration: 'measure',
  dynamic: 'boolean', locked: 'boolean', visible: 'boolean',
  x: 'measure', y: 'measure', width: 'measure', height: 'measure', aspect_ratio: 'measure',
  x_padding: 'measure', y_padding: 'measure', z_index: 'measure', x_anchor: 'measure', y_anchor: 'measure',
  x_scale: 'measure', y_scale: 'measure', x_skew: 'measure', y_skew: 'measure',
  x_rotation: 'measure', y_rotation: 'measure', z_rotation: 'measure', perspective: 'measure',
  backface_visible: 'boolean', opacity: 'measure', blend_mode: 'any', clip: 'boolean',
  shadow_color: 'color', shadow_blur: 'measure', shadow_x: 'measure', shadow_y: 'measure',
  color_filter: 'any', color_filter_value: 'measure', color_overlay: 'color',
  blur_radius: 'measure', blur_mode: 'any', mask_mode: 'any', repeat: 'boolean',
  warp_mode: 'any', warp_matrix: 'any', animations: 'any',
  fill_color: 'color', fill_mode: 'any', stroke_color: 'color', stroke_width: 'measure',
};

const MEDIA: Record<string, ValueKind> = { source: 'url', provider: 'any', trim_start: 'measure', trim_duration: 'measure', loop: 'boolean', volume: 'measure', audio_fade_in: 'measure', audio_fade_out: 'measure' };

/** The documented properties of each element kind (Creatomate's RenderScript pages and official SDK). */
export const ELEMENT_PROPERTIES: Readonly<Record<ElementType, Readonly<Record<string, ValueKind>>>> = {
  text: {
    ...COMMON, text: 'text', font_family: 'any', font_weight: 'any', font_style: 'any', font_size: 'measure',
    font_size_minimum: 'measure', font_size_maximum: 'measure', letter_spacing: 'measure', line_height: 'measure',
    text_wrap: 'boolean', text_clip: 'boolean', text_transform: 'any', x_alignment: 'measure', y_alignment: 'measure',
    background_color: 'color', background_x_padding: 'measure', background_y_padding: 'measure',
    background_border_radius: 'measure', background_align_threshold: 'measure',
    transcript_source: 'any', transcript_effect: 'any', transcript_split: 'any', transcript_placement: 'any',
    transcript_maximum_length: 'measure', transcript_color: 'color',
  },
  image: { ...COMMON, source: 'url', provider: 'any', fit: 'any', smart_crop: 'boolean', border_radius: 'measure' },
  video: { ...COMMON, ...MEDIA, fit: 'any', border_radius: 'measure' },
  audio: { ...COMMON, ...MEDIA },
  shape: {
    ...COMMON, path: 'any', fill_x0: 'measure', fill_y0: 'measure', fill_x1: 'measure', fill_y1: 'measure',
    fill_radius: 'measure', stroke_cap: 'any', stroke_join: 'any', stroke_start: 'measure', stroke_end: 'measure',
    stroke_offset: 'measure', border_radius: 'measure',
  },
  composition: { ...COMMON, elements: 'any', flow_direction: 'any', loop: 'boolean', plays: 'measure', border_radius: 'measure' },
};

/** Top-level RenderScript properties a modification key may set (documented, `fonts` included). */
export const TOP_LEVEL_PROPERTIES: Readonly<Record<string, ValueKind>> = {
  output_format: 'format', width: 'measure', height: 'measure', frame_rate: 'measure', duration: 'measure',
  snapshot_time: 'measure', snapshot_location: 'any', emoji_style: 'any', fill_color: 'color', fill_mode: 'any',
  loop: 'boolean', crf: 'measure', gif_quality: 'any', gif_compression: 'measure', fonts: 'any',
};

export { isRecord };

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The `{{placeholder}}` names in a text, each once, in order. */
export function placeholdersIn(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** One element of a source, with what addressing needs; `raw` is the element object itself. */
export interface SourceElement {
  type: ElementType;
  name: string | null;
  id: string | null;
  /** Names (or ids, or `#index`) of the compositions that contain the element, outermost first. */
  path: string[];
  mainProperty: 'text' | 'source' | null;
  /** `{{placeholder}}` names in this element's text. */
  placeholders: string[];
  raw: Record<string, unknown>;
}

const handleOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Every element of a known kind, depth first, into nested compositions. */
export function elementsOf(source: Source): SourceElement[] {
  const out: SourceElement[] = [];
  const walk = (list: unknown, path: string[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw: unknown, index) => {
      if (!isRecord(raw) || !(ELEMENT_TYPES as readonly unknown[]).includes(raw.type)) return;
      const type = raw.type as ElementType;
      const name = handleOf(raw.name);
      const id = handleOf(raw.id);
      const main = mainPropertyOf(type) ?? null;
      out.push({ type, name, id, path, mainProperty: main, placeholders: type === 'text' ? placeholdersIn(raw.text) : [], raw });
      if (type === 'composition') walk(raw.elements, [...path, name ?? id ?? `#${index}`]);
    });
  };
  walk(source.elements, []);
  return out;
}

/** A source's elements indexed by handle (name and id) and by placeholder. */
export interface SourceIndex {
  elements: readonly SourceElement[];
  byHandle: ReadonlyMap<string, readonly SourceElement[]>;
  /** Placeholder → the text elements whose text contains it. */
  placeholders: ReadonlyMap<string, readonly SourceElement[]>;
}

export function indexSource(source: Source): SourceIndex {
  const elements = elementsOf(source);
  const byHandle = new Map<string, SourceElement[]>();
  const placeholders = new Map<string, SourceElement[]>();
  const push = (map: Map<string, SourceElement[]>, key: string, el: SourceElement) => map.set(key, [...(map.get(key) ?? []), el]);
  for (const el of elements) {
    for (const handle of new Set([el.name, el.id])) if (handle !== null) push(byHandle, handle, el);
    for (const p of el.placeholders) push(placeholders, p, el);
  }
  return { elements, byHandle, placeholders };
}

/** Properties a modification may set on this element: the documented ones for its kind plus any it already has. */
export function propertiesOf(el: Pick<SourceElement, 'type' | 'raw'>): Record<string, ValueKind> {
  const known: Record<string, ValueKind> = { ...ELEMENT_PROPERTIES[el.type] };
  for (const p of Object.keys(el.raw)) if (!Object.hasOwn(known, p) && !['type', 'elements', 'name', 'id'].includes(p)) known[p] = 'any';
  return known;
}

/** `text` with every `{{name}}` (spaces inside the braces allowed) replaced by `value`. */
export function fillPlaceholder(text: string, name: string, value: string): string {
  return text.replace(PLACEHOLDER, (token, found: string) => (found === name ? value : token));
}
