// RenderScript handling: apply Creatomate `modifications` to a source and derive the output's
// format, size and timing. Which key reaches what, and the limits, are @reelkit/core/rules/creatomate's
// (the same rules the SDK checks before sending); this file only carries them out.
import {
  DEFAULT_FRAME_RATE, durationOf, elementsOf, fillPlaceholder, frameRateProblem, indexSource, isRecord,
  OUTPUT_FORMATS, pixelsOf, resolveModificationKey, type ModificationTarget, type OutputFormat,
} from '@reelkit/core/rules/creatomate';

export type { OutputFormat } from '@reelkit/core/rules/creatomate';
export type RenderScript = Record<string, unknown> & { elements?: unknown };
export type RsElement = Record<string, unknown>;

/** Every element of the source, depth first, nested compositions included. */
export function allElements(source: RenderScript): RsElement[] {
  return elementsOf(source).map((el) => el.raw);
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The child at `segment` of `node`, created (a list when the segment after it is an index) when missing. */
function childOf(node: Record<string, unknown> | unknown[], segment: string, nextIsIndex: boolean): Record<string, unknown> | unknown[] {
  const current: unknown = Array.isArray(node) ? node[Number(segment)] : Object.hasOwn(node, segment) ? node[segment] : undefined;
  if (isRecord(current) || Array.isArray(current)) return current;
  const created: Record<string, unknown> | unknown[] = nextIsIndex ? [] : {};
  if (Array.isArray(node)) node[Number(segment)] = created;
  else node[segment] = created;
  return created;
}

/** Sets `value` at `path` under `root`. Paths come from resolveModificationKey, so their segments are safe and their indexes bounded. */
function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length - 1; i++) node = childOf(node, path[i]!, /^\d+$/.test(path[i + 1]!));
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) node[Number(last)] = value;
  else node[last] = value;
}

function apply(out: RenderScript, target: ModificationTarget, value: unknown): void {
  switch (target.kind) {
    case 'main':
      target.element.raw[target.property] = target.property === 'text' ? asText(value) : value;
      return;
    case 'placeholder': {
      const { raw } = target.element;
      if (typeof raw.text === 'string') raw.text = fillPlaceholder(raw.text, target.placeholder, asText(value));
      return;
    }
    case 'property':
      setPath(target.element.raw, [target.property, ...target.path], value);
      return;
    case 'top_level':
      setPath(out, [target.property, ...target.path], value);
  }
}

export interface ResolvedSource {
  source: RenderScript;
  /** Keys that matched nothing (Creatomate ignores them silently; v2 reports them as warnings). */
  unmatched: string[];
}

/**
 * Applies modifications to a copy of `source`, each key to every target resolveModificationKey finds
 * (see the README's "Modifications"). A key that reaches nothing is left out and listed in `unmatched`.
 */
export function applyModifications(source: RenderScript, modifications: Record<string, unknown> | undefined): ResolvedSource {
  const out = structuredClone(source);
  const unmatched: string[] = [];
  if (!modifications) return { source: out, unmatched };
  const index = indexSource(out);
  for (const [key, value] of Object.entries(modifications)) {
    const resolved = resolveModificationKey(index, key);
    if ('problem' in resolved) unmatched.push(key);
    else for (const target of resolved.targets) apply(out, target, value);
  }
  return { source: out, unmatched };
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
  if (!(OUTPUT_FORMATS as readonly unknown[]).includes(raw)) {
    return { error: `The output format '${JSON.stringify(raw)}' is not supported. Use ${OUTPUT_FORMATS.join(', ')}.` };
  }
  const format = raw as OutputFormat;
  const baseW = pixelsOf(source.width) ?? DEFAULT_SIZE.width;
  const baseH = pixelsOf(source.height) ?? DEFAULT_SIZE.height;
  if (!(baseW >= 1 && baseH >= 1)) return { error: 'The width and height of the source must be positive numbers.' };
  // The request's own ranges (render_scale, max_width, max_height) were checked by checkRenderRequest.
  const renderScale = options.render_scale ?? 1;
  const scale = Math.min(renderScale, (options.max_width ?? Infinity) / baseW, (options.max_height ?? Infinity) / baseH);
  let width = Math.max(1, Math.round(baseW * scale));
  let height = Math.max(1, Math.round(baseH * scale));
  if (format === 'mp4') {
    width = Math.max(2, width - (width % 2));
    height = Math.max(2, height - (height % 2));
  }
  if (format === 'jpg' || format === 'png') {
    return { format, width, height, frame_rate: null, duration: null, render_scale: renderScale };
  }
  const fps = options.frame_rate ?? pixelsOf(source.frame_rate) ?? DEFAULT_FRAME_RATE[format];
  const fpsProblem = frameRateProblem(format, fps);
  if (fpsProblem) return { error: `${fpsProblem[0]!.toUpperCase()}${fpsProblem.slice(1)}.` };
  return { format, width, height, frame_rate: fps, duration: durationOf(source), render_scale: renderScale };
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
