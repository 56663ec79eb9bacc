/// <reference path="./types/gifenc.d.ts" />
// Output files the emulator serves for finished renders and jobs: real PNG/JPEG/GIF/MP4 bytes of
// the planned size. Generation is deterministic, so a file can be rebuilt from its spec at any time
// (after a restart with --data too) and `file_size` always matches the bytes served.
// These three are CommonJS packages: default-import them so Node's ESM loader finds the exports.
import pngjs from 'pngjs';
import jpeg from 'jpeg-js';
import gifenc from 'gifenc';
import { centredTextLayers, contrast, isOn, type Box, type Layer, type Rgb } from './layout.js';
import { encodeMp4 } from './mp4.js';
import type { OutputFormat } from './renderscript.js';
import { advanceEm, drawText } from './text.js';

export type { Rgb } from './layout.js';

export interface FileSpec {
  format: OutputFormat;
  width: number;
  height: number;
  /** Videos and GIFs. */
  frame_rate?: number | null;
  duration?: number | null;
  background: Rgb;
  /** What is drawn (from layout.ts); files stored before layouts carry `texts` instead. */
  layers?: Layer[] | undefined;
  /** Stills: the moment of the timeline shown (snapshot_time), default 0. */
  time?: number | undefined;
  /** Older specs: visible text, drawn centred. */
  texts?: string[] | undefined;
}

const { PNG } = pngjs;
const GIFEncoder = typeof gifenc === 'function' ? gifenc : gifenc.GIFEncoder;

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  mp4: 'video/mp4',
};


/** Media placeholders: a grey box with a darker border, a cross and the element's label. */
const MEDIA_FILL: Rgb = [176, 180, 188];
const MEDIA_INK: Rgb = [60, 64, 72];

/**
 * A picture as palette indices (one byte a pixel): every colour drawn is flat, so a palette is exact
 * and GIF frames need no quantising.
 */
export class Picture {
  readonly index: Uint8Array;
  readonly palette: Rgb[] = [];
  readonly #lookup = new Map<number, number>();
  constructor(readonly width: number, readonly height: number, background: Rgb) {
    this.index = new Uint8Array(width * height);
    this.colour(background); // index 0
  }
  colour(rgb: Rgb): number {
    const key = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
    let i = this.#lookup.get(key);
    if (i === undefined) {
      i = Math.min(this.palette.length, 255); // at most 64 layers × 3 colours: never reached in practice
      if (this.palette.length < 256) this.palette.push(rgb);
      this.#lookup.set(key, i);
    }
    return i;
  }
  rect(box: Box, rgb: Rgb): void {
    const c = this.colour(rgb);
    const x0 = Math.max(0, Math.round(box.x)), x1 = Math.min(this.width, Math.round(box.x + box.w));
    const y0 = Math.max(0, Math.round(box.y)), y1 = Math.min(this.height, Math.round(box.y + box.h));
    if (x1 <= x0) return;
    for (let y = y0; y < y1; y++) this.index.fill(c, y * this.width + x0, y * this.width + x1);
  }
  /** `text` centred in `box` at `size` px. */
  text(box: Box, text: string, size: number, rgb: Rgb): void {
    const c = this.colour(rgb);
    const x = box.x + (box.w - advanceEm(text) * size) / 2;
    const baseline = box.y + box.h / 2 + size * 0.35;
    drawText(text, x, baseline, size, this.width, this.height, (y, from, to) => this.index.fill(c, y * this.width + from, y * this.width + to + 1));
  }
  media(box: Box, label: string): void {
    this.rect(box, MEDIA_FILL);
    const t = Math.max(1, Math.round(Math.min(box.w, box.h) / 100));
    for (const edge of [
      { x: box.x, y: box.y, w: box.w, h: t }, { x: box.x, y: box.y + box.h - t, w: box.w, h: t },
      { x: box.x, y: box.y, w: t, h: box.h }, { x: box.x + box.w - t, y: box.y, w: t, h: box.h },
    ]) this.rect(edge, MEDIA_INK);
    const c = this.colour(MEDIA_INK);
    const steps = Math.round(Math.max(box.w, box.h));
    for (let i = 0; i <= steps; i++) {
      const f = i / steps;
      for (const [px, py] of [[box.x + f * box.w, box.y + f * box.h], [box.x + (1 - f) * box.w, box.y + f * box.h]] as const) {
        const x = Math.round(px), y = Math.round(py);
        if (x >= 0 && x < this.width && y >= 0 && y < this.height) this.index[y * this.width + x] = c;
      }
    }
    const size = Math.min(box.h * 0.18, (box.w * 0.8) / Math.max(advanceEm(label), 0.01), 64);
    if (size >= 6) this.text({ x: box.x, y: box.y + (box.h - size * 1.6) / 2, w: box.w, h: size * 1.6 }, label, size, MEDIA_INK);
  }
  rgba(): Buffer {
    const out = Buffer.alloc(this.width * this.height * 4);
    for (let i = 0, o = 0; i < this.index.length; i++, o += 4) {
      const [r, g, b] = this.palette[this.index[i]!]!;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
    return out;
  }
}

function layersOf(spec: FileSpec): Layer[] {
  if (spec.layers) return spec.layers;
  return spec.texts?.length ? centredTextLayers(spec.texts, spec.width, spec.height, spec.background) : [];
}

/** The picture of `spec` at `t` seconds: background, then every layer on screen then, in order. */
export function paint(spec: FileSpec, t: number): Picture {
  const pic = new Picture(spec.width, spec.height, spec.background);
  const layers = layersOf(spec);
  if (layers.length === 0) {
    // Nothing to draw: a contrasting band keeps the image from being a single flat colour.
    pic.rect({ x: 0, y: Math.floor(spec.height * 0.45), w: spec.width, h: Math.max(1, Math.floor(spec.height * 0.1)) }, contrast(spec.background));
  }
  for (const layer of layers) {
    if (!isOn(layer, t)) continue;
    if (layer.kind === 'fill') pic.rect(layer.box, layer.color);
    else if (layer.kind === 'media') pic.media(layer.box, layer.label);
    else pic.text(layer.box, layer.text, layer.size, layer.color);
  }
  return pic;
}

/** A bar along the bottom that grows with `fraction`, so consecutive frames of a video differ. */
function progressBar(pic: Picture, fraction: number, background: Rgb): void {
  const h = Math.max(2, Math.floor(pic.height / 40));
  pic.rect({ x: 0, y: pic.height - h, w: Math.max(1, Math.round(fraction * pic.width)), h }, contrast(background));
}

/** A picture of a video/GIF at `t` of `duration` seconds, with its progress bar. */
export function frameAt(spec: FileSpec, t: number, duration: number): Picture {
  const pic = paint(spec, t);
  progressBar(pic, Math.min(1, (t + 1 / (spec.frame_rate ?? 10)) / duration), spec.background);
  return pic;
}

function gif(spec: FileSpec): Uint8Array {
  const { width, height } = spec;
  const fps = spec.frame_rate ?? 10;
  const duration = spec.duration ?? 1;
  // GIF delays are in centiseconds; cap the frame count (and pixels encoded) so long or large GIFs
  // stay quick to build, keeping the length.
  const frames = Math.max(1, Math.min(Math.round(duration * fps), 50, Math.floor(20_000_000 / (width * height))));
  const delay = Math.max(20, Math.round((duration * 1000) / frames / 10) * 10);
  const enc = GIFEncoder();
  for (let f = 0; f < frames; f++) {
    const pic = frameAt(spec, (f / frames) * duration, duration);
    // Each frame carries its own palette (exact colours; a layer coming on adds one).
    enc.writeFrame(pic.index, width, height, { palette: pic.palette.map((c) => [...c]), delay, ...(f === 0 ? { repeat: 0 } : {}) });
  }
  enc.finish();
  return enc.bytes();
}

/** Builds the file of `spec`. */
export function renderFile(spec: FileSpec): Uint8Array {
  switch (spec.format) {
    case 'png': {
      const png = new PNG({ width: spec.width, height: spec.height });
      paint(spec, spec.time ?? 0).rgba().copy(png.data);
      return PNG.sync.write(png, { colorType: 2 });
    }
    case 'jpg':
      return jpeg.encode({ data: paint(spec, spec.time ?? 0).rgba(), width: spec.width, height: spec.height }, 80).data;
    case 'gif':
      return gif(spec);
    case 'mp4':
      return encodeMp4({
        width: spec.width,
        height: spec.height,
        fps: spec.frame_rate ?? 30,
        duration: spec.duration ?? 1,
        picture: (t) => frameAt(spec, t, spec.duration ?? 1),
      });
  }
}

