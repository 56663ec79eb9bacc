// RenderScript types for inline `source` and the property tables that inspection, validation and
// codegen share. The spec types `source` only as an open object (components.CreateRenderRequest.source);
// the element kinds below come from Creatomate's RenderScript documentation, which the spec does not
// describe, so they extend the spec's type instead of re-declaring it.
import type { components } from '@reelkit/core/creatomate';

type Schemas = components['schemas'];

/** A Creatomate template as the API returns it (wire field names). */
export type Template = Schemas['Template'];
/** The `modifications` object of a create-render request. */
export type Modifications = NonNullable<Schemas['CreateRenderRequest']['modifications']>;
/** The spec's type of an inline `source` (an open object). */
export type SpecSource = NonNullable<Schemas['CreateRenderRequest']['source']>;
export type OutputFormat = NonNullable<Schemas['CreateRenderRequest']['output_format']>;

/** A number, or a string with a unit: `"50%"`, `"2 vmin"`, `"3 s"`, `"1080"`. */
export type Measure = number | string;
/** An animated value: `[{ time, value, easing? }]`. */
export type Keyframes<T> = readonly { time: Measure; value: T; easing?: string }[];
export type Animatable<T> = T | Keyframes<T>;

/** Properties every element kind has. Other documented RenderScript properties pass through the index signature. */
export interface ElementBase {
  type: ElementType;
  id?: string;
  /** The name that modification keys address (`Name`, `Name.property`). */
  name?: string;
  /** Marks an element as an intended input for forms and no-code tools; the API can modify any element. */
  dynamic?: boolean;
  visible?: boolean;
  locked?: boolean;
  track?: number | null;
  time?: Measure | null;
  /** Seconds, a unit string (e.g. `"3 s"`) or `"media"` (the media's own length). */
  duration?: Measure | null;
  x?: Animatable<Measure>;
  y?: Animatable<Measure>;
  width?: Animatable<Measure> | null;
  height?: Animatable<Measure> | null;
  x_anchor?: Animatable<Measure>;
  y_anchor?: Animatable<Measure>;
  z_index?: number;
  opacity?: Animatable<Measure>;
  fill_color?: Animatable<string>;
  stroke_color?: Animatable<string>;
  stroke_width?: Animatable<Measure>;
  animations?: readonly Record<string, unknown>[];
  [property: string]: unknown;
}

export interface TextElement extends ElementBase {
  type: 'text';
  text?: string;
  font_family?: string;
  font_weight?: string | number;
  font_style?: string;
  font_size?: Animatable<Measure> | null;
  line_height?: Measure;
  letter_spacing?: Measure;
  x_alignment?: Measure;
  y_alignment?: Measure;
  text_wrap?: boolean;
  background_color?: Animatable<string>;
  transcript_source?: string;
}

export interface ImageElement extends ElementBase {
  type: 'image';
  source?: string;
  fit?: 'cover' | 'contain' | 'fill';
  smart_crop?: boolean;
  border_radius?: Measure;
}

export interface VideoElement extends ElementBase {
  type: 'video';
  source?: string;
  fit?: 'cover' | 'contain' | 'fill';
  trim_start?: Measure;
  trim_duration?: Measure;
  loop?: boolean;
  volume?: Animatable<Measure>;
  border_radius?: Measure;
}

export interface AudioElement extends ElementBase {
  type: 'audio';
  source?: string;
  trim_start?: Measure;
  trim_duration?: Measure;
  loop?: boolean;
  volume?: Animatable<Measure>;
}

export interface ShapeElement extends ElementBase {
  type: 'shape';
  /** SVG path in a 0–100 coordinate space. */
  path?: string;
}

export interface CompositionElement extends ElementBase {
  type: 'composition';
  elements?: Element[];
  loop?: boolean;
  plays?: number;
}

export type Element = TextElement | ImageElement | VideoElement | AudioElement | ShapeElement | CompositionElement;
export type ElementType = 'text' | 'image' | 'video' | 'audio' | 'shape' | 'composition';

/** An inline RenderScript source: the spec's open object with typed top-level properties and elements. */
export type RenderScript = SpecSource & {
  output_format?: OutputFormat;
  width?: number;
  height?: number;
  frame_rate?: number;
  duration?: Measure | null;
  snapshot_time?: Measure;
  elements?: Element[];
};

// ---- property tables (shared by inspect, validate and codegen) -------------------------------------

/** What kind of value a property takes, as far as reelkit checks it. */
export type ValueKind = 'text' | 'url' | 'color' | 'boolean' | 'measure' | 'format' | 'any';

export const ELEMENT_TYPES: readonly ElementType[] = ['text', 'image', 'video', 'audio', 'shape', 'composition'];

/** The property a bare `Name` key sets: `text` for text, `source` for file-based elements (Creatomate docs). */
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

/** Top-level RenderScript properties a bare modification key may set. */
export const TOP_LEVEL_PROPERTIES: Readonly<Record<string, ValueKind>> = {
  output_format: 'format', width: 'measure', height: 'measure', frame_rate: 'measure', duration: 'measure',
  snapshot_time: 'measure', snapshot_location: 'any', emoji_style: 'any', fill_color: 'color', fill_mode: 'any',
  loop: 'boolean', crf: 'measure', gif_quality: 'any', gif_compression: 'measure', fonts: 'any',
};

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jpg', 'png', 'gif', 'mp4'];
