/// <reference path="./types/gifenc.d.ts" />
// Output files the emulator serves for finished renders and jobs: real PNG/JPEG/GIF/MP4 bytes of
// the planned size. Generation is deterministic, so a file can be rebuilt from its spec at any time
// (after a restart with --data too) and `file_size` always matches the bytes served.
// These three are CommonJS packages: default-import them so Node's ESM loader finds the exports.
import pngjs from 'pngjs';
import jpeg from 'jpeg-js';
import gifenc from 'gifenc';
import { encodeMp4 } from './mp4.js';
import type { OutputFormat } from './renderscript.js';
import { textMask } from './text.js';

export type Rgb = readonly [number, number, number];

export interface FileSpec {
  format: OutputFormat;
  width: number;
  height: number;
  /** Videos and GIFs. */
  frame_rate?: number | null;
  duration?: number | null;
  background: Rgb;
  /** Text drawn into stills and GIFs (the source's visible text after modifications). */
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

/** The emulator refuses to produce files larger than this on either side (a render with it fails). */
export const MAX_DIMENSION = 8192;
/** …or with more pixels than this (twice 4K UHD), so one request cannot tie the process up for minutes. */
export const MAX_PIXELS = 2 * 3840 * 2160;
/** Longest video the emulator renders (Creatomate's own cap is not documented; 4 hours). */
export const MAX_VIDEO_SECONDS = 4 * 3600;

/** A contrasting accent band, so images are not a single flat colour. */
function accent([r, g, b]: Rgb): Rgb {
  const light = 0.299 * r + 0.587 * g + 0.114 * b > 140;
  return light ? [20, 20, 20] : [245, 245, 245];
}

function rgba(spec: FileSpec): Buffer {
  const { width, height, background } = spec;
  const ink = accent(background);
  const data = Buffer.alloc(width * height * 4);
  const mask = spec.texts?.length ? textMask(width, height, spec.texts) : null;
  // Without text, a contrasting band keeps the image from being a single flat colour.
  const bandTop = Math.floor(height * 0.45);
  const bandBottom = Math.max(bandTop + 1, Math.floor(height * 0.55));
  for (let y = 0, i = 0; y < height; y++) {
    const band = !mask && y >= bandTop && y < bandBottom;
    for (let x = 0; x < width; x++, i++) {
      const [r, g, b] = band || mask?.[i] ? ink : background;
      const o = i * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return data;
}

function gif(spec: FileSpec): Uint8Array {
  const { width, height, background } = spec;
  const fps = spec.frame_rate ?? 10;
  const duration = spec.duration ?? 1;
  // GIF delays are in centiseconds; cap the frame count (and pixels encoded) so long or large GIFs
  // stay quick to build, keeping the length.
  const frames = Math.max(1, Math.min(Math.round(duration * fps), 50, Math.floor(20_000_000 / (width * height))));
  const delay = Math.max(20, Math.round((duration * 1000) / frames / 10) * 10);
  const palette = [[...background], [...accent(background)]];
  const enc = GIFEncoder();
  const index = new Uint8Array(width * height);
  const barHeight = Math.max(1, Math.floor(height / 20));
  const mask = spec.texts?.length ? textMask(width, height, spec.texts) : null;
  for (let f = 0; f < frames; f++) {
    if (mask) index.set(mask);
    else index.fill(0);
    // A progress bar along the bottom that grows frame by frame.
    const barWidth = Math.max(1, Math.round(((f + 1) / frames) * width));
    for (let y = height - barHeight; y < height; y++) index.fill(1, y * width, y * width + barWidth);
    enc.writeFrame(index, width, height, f === 0 ? { palette, delay, repeat: 0 } : { delay });
  }
  enc.finish();
  return enc.bytes();
}

/** Builds the file of `spec`. */
export function renderFile(spec: FileSpec): Uint8Array {
  switch (spec.format) {
    case 'png': {
      const png = new PNG({ width: spec.width, height: spec.height });
      rgba(spec).copy(png.data);
      return PNG.sync.write(png, { colorType: 2 });
    }
    case 'jpg':
      return jpeg.encode({ data: rgba(spec), width: spec.width, height: spec.height }, 80).data;
    case 'gif':
      return gif(spec);
    case 'mp4':
      return encodeMp4({
        width: spec.width,
        height: spec.height,
        fps: spec.frame_rate ?? 30,
        duration: spec.duration ?? 1,
        color: spec.background,
      });
  }
}

