// Where each element of a resolved RenderScript lands in the output, so the emulator's files show
// what was asked: shapes as filled boxes, text in its fill colour at roughly its position and size,
// image and video elements as labelled placeholder boxes (media URLs are never fetched), each with
// the time range it is on screen. An approximation of Creatomate's layout, not a renderer.
import { advanceEm } from './text.js';
import type { RenderScript } from './renderscript.js';

export type Rgb = readonly [number, number, number];
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Timed {
  /** Seconds from the start of the output the layer is on screen; absent = always. */
  from?: number;
  to?: number;
}
export type Layer =
  | ({ kind: 'fill'; box: Box; color: Rgb } & Timed)
  | ({ kind: 'text'; box: Box; text: string; size: number; color: Rgb } & Timed)
  | ({ kind: 'media'; box: Box; label: string } & Timed);

/** Most layers drawn per file, and deepest composition followed (bounded work per render). */
export const MAX_LAYERS = 64;
const MAX_DEPTH = 8;
const MAX_TEXT = 80;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `#rgb`, `#rrggbb`, `#rrggbbaa` (alpha ignored) or `rgb(a)(r, g, b…)`. */
export function parseColor(v: unknown): Rgb | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (m) return [m[1]!, m[2]!, m[3]!].map((c) => Number.parseInt(c + c, 16)) as unknown as Rgb;
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/i.exec(s);
  if (m) return [m[1]!, m[2]!, m[3]!].map((c) => Number.parseInt(c, 16)) as unknown as Rgb;
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/i.exec(s);
  if (m) return [m[1]!, m[2]!, m[3]!].map((c) => Math.min(255, Number(c))) as unknown as Rgb;
  return undefined;
}

/** Black or white, whichever reads on `bg`. */
export function contrast([r, g, b]: Rgb): Rgb {
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? [20, 20, 20] : [245, 245, 245];
}

interface Frame {
  box: Box;
  from: number | undefined;
  to: number | undefined;
}

/**
 * A RenderScript length in output pixels: a number or `N px` in source pixels (× `scale`), `N%` of
 * `of`, `N vmin|vmax|vw|vh` of the canvas.
 */
function length(v: unknown, of: number, canvas: { w: number; h: number }, scale: number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v * scale : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(%|px|vmin|vmax|vw|vh)?\s*$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case '%':
      return (n / 100) * of;
    case 'vmin':
      return (n / 100) * Math.min(canvas.w, canvas.h);
    case 'vmax':
      return (n / 100) * Math.max(canvas.w, canvas.h);
    case 'vw':
      return (n / 100) * canvas.w;
    case 'vh':
      return (n / 100) * canvas.h;
    default:
      return n * scale;
  }
}

const seconds = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

const clean = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/** The layers of `source` drawn into a `width`×`height` output whose background is `background`. */
export function layoutOf(source: RenderScript, width: number, height: number, background: Rgb): Layer[] {
  const canvas = { w: width, h: height };
  const sourceWidth = typeof source.width === 'number' && source.width > 0 ? source.width : width;
  const scale = width / sourceWidth;
  const layers: Layer[] = [];

  const place = (el: Record<string, unknown>, parent: Frame, w: number, h: number): Box => {
    const x = parent.box.x + (length(el.x, parent.box.w, canvas, scale) ?? parent.box.w / 2);
    const y = parent.box.y + (length(el.y, parent.box.h, canvas, scale) ?? parent.box.h / 2);
    const ax = (length(el.x_anchor, 100, canvas, 1) ?? 50) / 100;
    const ay = (length(el.y_anchor, 100, canvas, 1) ?? 50) / 100;
    return { x: x - ax * w, y: y - ay * h, w, h };
  };

  const walk = (list: unknown, parent: Frame, depth: number) => {
    if (!Array.isArray(list) || depth > MAX_DEPTH) return;
    // Higher tracks are drawn on top; without a track, document order.
    const elements = list.filter(isObject).map((el, i) => ({ el, order: typeof el.track === 'number' ? el.track : i }));
    elements.sort((a, b) => a.order - b.order);
    for (const { el } of elements) {
      if (layers.length >= MAX_LAYERS) return;
      if (el.visible === false) continue;
      const start = (parent.from ?? 0) + (seconds(el.time) ?? 0);
      const duration = seconds(el.duration);
      const timed: Timed = {};
      if (start > 0) timed.from = start;
      const end = duration !== undefined ? start + duration : parent.to;
      if (end !== undefined) timed.to = end;
      const givenW = length(el.width, parent.box.w, canvas, scale);
      const givenH = length(el.height, parent.box.h, canvas, scale);
      switch (el.type) {
        case 'shape': {
          const color = parseColor(el.fill_color);
          if (color) layers.push({ kind: 'fill', box: place(el, parent, givenW ?? parent.box.w, givenH ?? parent.box.h), color, ...timed });
          break;
        }
        case 'image':
        case 'video': {
          const name = typeof el.name === 'string' ? el.name : '';
          layers.push({ kind: 'media', box: place(el, parent, givenW ?? parent.box.w, givenH ?? parent.box.h), label: clean(`${el.type}${name ? ` ${name}` : ''}`), ...timed });
          break;
        }
        case 'text': {
          if (typeof el.text !== 'string' || clean(el.text) === '') break;
          const text = clean(el.text);
          const em = Math.max(advanceEm(text), 0.01);
          const fit = (givenW ?? parent.box.w * 0.9) / em;
          const size = Math.max(4, Math.min(length(el.font_size, Math.min(width, height), canvas, scale) ?? Math.min(width, height) * 0.08, fit, givenH ? givenH * 0.8 : Infinity));
          const box = place(el, parent, givenW ?? em * size, givenH ?? size * 1.25);
          layers.push({ kind: 'text', box, text, size, color: parseColor(el.fill_color) ?? contrast(background), ...timed });
          break;
        }
        case 'composition': {
          const box = place(el, parent, givenW ?? parent.box.w, givenH ?? parent.box.h);
          walk(el.elements, { box, from: start > 0 ? start : parent.from, to: end }, depth + 1);
          break;
        }
        default:
          break; // audio and unknown types draw nothing
      }
    }
  };
  walk(source.elements, { box: { x: 0, y: 0, w: width, h: height }, from: undefined, to: undefined }, 0);
  return layers;
}

/** Layers for a file spec stored before layouts existed (`texts` only): the lines centred. */
export function centredTextLayers(texts: readonly string[], width: number, height: number, background: Rgb): Layer[] {
  const lines = texts.map(clean).filter(Boolean).slice(0, 6);
  const row = height / (lines.length + 1);
  return lines.map((text, i) => {
    const size = Math.max(4, Math.min(row * 0.7, (width * 0.9) / Math.max(advanceEm(text), 0.01)));
    const w = advanceEm(text) * size;
    return { kind: 'text', box: { x: (width - w) / 2, y: row * (i + 1) - size * 0.6, w, h: size * 1.25 }, text, size, color: contrast(background) };
  });
}

/** Whether `layer` is on screen at `t` seconds (stills: t = 0). */
export const isOn = (layer: Layer, t: number) => (layer.from === undefined || t >= layer.from) && (layer.to === undefined || t < layer.to);
