// RenderScript handling: apply Creatomate `modifications` to a source and derive the output's
// format, size and timing, as Creatomate documents them (see the README's "Modifications").

export type RenderScript = Record<string, unknown> & { elements?: unknown };
export type RsElement = Record<string, unknown>;
export type OutputFormat = 'jpg' | 'png' | 'gif' | 'mp4';

/** Top-level RenderScript properties a bare modification key may set (when no element has that name). */
const TOP_LEVEL = new Set([
  'output_format', 'width', 'height', 'frame_rate', 'duration', 'snapshot_time', 'snapshot_location',
  'emoji_style', 'fill_color', 'fill_mode', 'loop', 'crf', 'gif_quality', 'gif_compression',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every element of the source, depth first, nested compositions included. */
export function allElements(source: RenderScript): RsElement[] {
  const out: RsElement[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const el of list) {
      if (!isObject(el)) continue;
      out.push(el);
      walk(el.elements);
    }
  };
  walk(source.elements);
  return out;
}

function mainProperty(el: RsElement): string | undefined {
  switch (el.type) {
    case 'text':
      return 'text';
    case 'image':
    case 'video':
    case 'audio':
      return 'source';
    case 'shape':
      return 'fill_color';
    default:
      return undefined;
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): boolean {
  let node: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (Array.isArray(node)) {
      node = node[Number(key)];
    } else if (isObject(node)) {
      if (node[key] === undefined) node[key] = {};
      node = node[key];
    } else {
      return false;
    }
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0) return false;
    node[i] = value;
    return true;
  }
  if (!isObject(node)) return false;
  node[last] = value;
  return true;
}

const placeholder = (name: string) => `{{${name}}}`;
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export interface ResolvedSource {
  source: RenderScript;
  /** Keys that matched nothing (Creatomate ignores them silently; v2 reports them as warnings). */
  unmatched: string[];
}

/**
 * Applies modifications to a copy of `source`:
 * - `Name` or `<element id>`: the element's main property (`text`, or `source` for media);
 * - `Name.property` (also deeper paths such as `Name.stroke_end.0.value`), longest matching name first;
 * - `Name.text.placeholder`: a `{{placeholder}}` inside that element only;
 * - `placeholder`: `{{placeholder}}` in every text element;
 * - a top-level property (`width`, `height`, `duration`, …) when no element carries that name.
 * Names match at any depth, so elements inside nested compositions are reachable; every element with
 * the name is changed.
 */
export function applyModifications(source: RenderScript, modifications: Record<string, unknown> | undefined): ResolvedSource {
  const out = structuredClone(source);
  const unmatched: string[] = [];
  if (!modifications) return { source: out, unmatched };
  const elements = allElements(out);
  const byKey = (key: string) => elements.filter((el) => el.name === key || el.id === key);

  for (const [key, value] of Object.entries(modifications)) {
    let applied = false;
    const direct = byKey(key);
    for (const el of direct) {
      const prop = mainProperty(el);
      if (prop === undefined) continue;
      el[prop] = prop === 'text' ? asText(value) : value;
      applied = true;
    }
    if (!key.includes('.')) {
      for (const el of elements) {
        if (el.type === 'text' && typeof el.text === 'string' && el.text.includes(placeholder(key))) {
          el.text = el.text.split(placeholder(key)).join(asText(value));
          applied = true;
        }
      }
      if (direct.length === 0 && TOP_LEVEL.has(key)) {
        out[key] = value;
        applied = true;
      }
    } else if (direct.length === 0) {
      const parts = key.split('.');
      for (let i = parts.length - 1; i >= 1 && !applied; i--) {
        const matches = byKey(parts.slice(0, i).join('.'));
        if (matches.length === 0) continue;
        const rest = parts.slice(i);
        for (const el of matches) {
          if (rest.length === 2 && rest[0] === 'text' && typeof el.text === 'string' && el.text.includes(placeholder(rest[1]!))) {
            el.text = el.text.split(placeholder(rest[1]!)).join(asText(value));
            applied = true;
          } else if (setPath(el, rest, value)) {
            applied = true;
          }
        }
      }
    }
    if (!applied) unmatched.push(key);
  }
  return { source: out, unmatched };
}

const toNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v)) return Number.parseFloat(v);
  return undefined;
};

const toSeconds = (v: unknown): number | undefined => {
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(v);
    return m ? Number(m[1]) : undefined;
  }
  return toNumber(v);
};

/** Length of the timeline when the source gives no `duration`: the latest element end, else 5 s. */
function timelineSeconds(source: RenderScript): number {
  let end = 0;
  const tracks = new Map<number, number>();
  const list = Array.isArray(source.elements) ? source.elements : [];
  for (const el of list) {
    if (!isObject(el)) continue;
    const duration = toSeconds(el.duration);
    if (duration === undefined) continue;
    // Elements on one track play one after another unless they have an explicit time.
    const track = toNumber(el.track) ?? -1;
    const start = toSeconds(el.time) ?? tracks.get(track) ?? 0;
    tracks.set(track, start + duration);
    end = Math.max(end, start + duration);
  }
  return end > 0 ? end : 5;
}

export interface OutputOptions {
  output_format?: OutputFormat | undefined;
  frame_rate?: number | undefined;
  render_scale?: number | undefined;
  max_width?: number | undefined;
  max_height?: number | undefined;
}

export interface OutputPlan {
  format: OutputFormat;
  width: number;
  height: number;
  /** Frames per second (videos and GIFs), null for stills. */
  frame_rate: number | null;
  /** Seconds (videos and GIFs), null for stills. */
  duration: number | null;
  render_scale: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 720 } as const;

/**
 * Output size: the resolved source's width/height (after modifications) × render_scale; max_width /
 * max_height, when given, cap the result (aspect ratio kept) and take precedence over render_scale.
 * H.264 needs even dimensions, so mp4 sizes round down to even numbers.
 */
export function planOutput(source: RenderScript, options: OutputOptions): OutputPlan | { error: string } {
  const raw = options.output_format ?? source.output_format ?? 'jpg';
  if (raw !== 'jpg' && raw !== 'png' && raw !== 'gif' && raw !== 'mp4') {
    return { error: `The output format '${JSON.stringify(raw)}' is not supported. Use jpg, png, gif or mp4.` };
  }
  const format: OutputFormat = raw;
  const baseW = toNumber(source.width) ?? DEFAULT_SIZE.width;
  const baseH = toNumber(source.height) ?? DEFAULT_SIZE.height;
  if (!(baseW >= 1 && baseH >= 1)) return { error: 'The width and height of the source must be positive numbers.' };
  const renderScale = options.render_scale ?? 1;
  if (!(renderScale > 0 && renderScale <= 10)) return { error: 'The render_scale must be greater than 0 and at most 10.' };
  let scale = renderScale;
  if (options.max_width !== undefined || options.max_height !== undefined) {
    if ((options.max_width !== undefined && !(options.max_width >= 1)) || (options.max_height !== undefined && !(options.max_height >= 1))) {
      return { error: 'max_width and max_height must be at least 1.' };
    }
    scale = Math.min(renderScale, (options.max_width ?? Infinity) / baseW, (options.max_height ?? Infinity) / baseH);
  }
  let width = Math.max(1, Math.round(baseW * scale));
  let height = Math.max(1, Math.round(baseH * scale));
  if (format === 'mp4') {
    width = Math.max(2, width - (width % 2));
    height = Math.max(2, height - (height % 2));
  }
  if (format === 'jpg' || format === 'png') {
    return { format, width, height, frame_rate: null, duration: null, render_scale: renderScale };
  }
  const limit = format === 'mp4' ? 60 : 15;
  const fps = options.frame_rate ?? toNumber(source.frame_rate) ?? (format === 'mp4' ? 60 : 15);
  if (!(fps >= 1 && fps <= limit)) {
    return { error: `The frame_rate of ${format} output must be between 1 and ${limit}, got ${fps}.` };
  }
  const duration = toSeconds(source.duration) ?? timelineSeconds(source);
  return { format, width, height, frame_rate: fps, duration, render_scale: renderScale };
}

/** Visible text of the resolved source, top to bottom, for drawing into still images. */
export function visibleTexts(source: RenderScript): string[] {
  return allElements(source)
    .filter((el) => el.type === 'text' && el.visible !== false && typeof el.text === 'string' && el.text.trim() !== '')
    .map((el) => String(el.text));
}

const HEX = /^#([0-9a-f]{6})$/i;
/** Background colour: the source's fill_color, else its first shape's, else a colour derived from `salt`. */
export function backgroundColor(source: RenderScript, salt: string): [number, number, number] {
  const candidates = [source.fill_color, ...allElements(source).filter((el) => el.type === 'shape').map((el) => el.fill_color)];
  for (const c of candidates) {
    const m = typeof c === 'string' ? HEX.exec(c) : null;
    if (m) {
      const n = Number.parseInt(m[1]!, 16);
      return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    }
  }
  let h = 0;
  for (let i = 0; i < salt.length; i++) h = (Math.imul(h, 31) + salt.charCodeAt(i)) >>> 0;
  return [40 + (h & 127), 40 + ((h >> 8) & 127), 40 + ((h >> 16) & 127)];
}

/** Which slow phases a source needs: `transcribing` for auto-subtitles, `waiting` for AI-provider media. */
export function phasesFor(source: RenderScript): { transcribing: boolean; waiting: boolean } {
  const els = allElements(source);
  return {
    transcribing: els.some((el) => el.type === 'text' && typeof el.transcript_source === 'string' && el.transcript_source !== ''),
    waiting: els.some((el) => typeof el.provider === 'string' && el.provider !== ''),
  };
}

/** The element that makes a render fail on purpose (documented): one named `__fail__`. */
export function failingElement(source: RenderScript): string | undefined {
  return allElements(source).some((el) => el.name === '__fail__') ? '__fail__' : undefined;
}
