// RenderScript types for inline `source`. The spec types `source` only as an open object (components.CreateRenderRequest.source);
// the element kinds below come from Creatomate's RenderScript documentation, which the spec does not
// describe, so they extend the spec's type instead of re-declaring it.
import type { components } from '@reelkit/core/creatomate';
import type { ElementType } from '@reelkit/core/rules/creatomate';

type Schemas = components['schemas'];

/** A Creatomate template as the API returns it (wire field names). */
export type Template = Schemas['Template'];
/** The `modifications` object of a create-render request. */
export type Modifications = NonNullable<Schemas['CreateRenderRequest']['modifications']>;
/** The spec's type of an inline `source` (an open object). */
export type SpecSource = NonNullable<Schemas['CreateRenderRequest']['source']>;
export type OutputFormat = NonNullable<Schemas['CreateRenderRequest']['output_format']>;
export type { ElementType, ValueKind } from '@reelkit/core/rules/creatomate';

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
