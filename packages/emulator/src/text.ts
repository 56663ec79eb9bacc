// Draws text into output frames: Roboto Bold (from @fontsource/roboto, OFL) parsed by opentype.js,
// filled with a small non-zero-winding scanline rasterizer. Glyphs are laid out one by one (no
// shaping), which is enough for titles and captions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font, PathCommand } from 'opentype.js';

// Loaded through require so Node and Vite both get the CommonJS build (its ESM build differs).
const require = createRequire(import.meta.url);

let font: Font | null | undefined;
function loadFont(): Font | null {
  if (font === undefined) {
    try {
      const opentype = require('opentype.js') as typeof import('opentype.js');
      const bytes = readFileSync(require.resolve('@fontsource/roboto/files/roboto-latin-700-normal.woff'));
      font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    } catch (err) {
      // Images stay valid without text; say once why the text is missing.
      console.error('[emulator] cannot load the font, images will have no text:', (err as Error).message);
      font = null;
    }
  }
  return font;
}

type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 };

function edgesOf(commands: readonly PathCommand[]): Edge[] {
  const edges: Edge[] = [];
  let sx = 0, sy = 0, cx = 0, cy = 0;
  const line = (x: number, y: number) => {
    if (y !== cy) edges.push(cy < y ? { x0: cx, y0: cy, x1: x, y1: y, dir: 1 } : { x0: x, y0: y, x1: cx, y1: cy, dir: -1 });
    cx = x;
    cy = y;
  };
  for (const c of commands) {
    if (c.type === 'M') {
      cx = sx = c.x;
      cy = sy = c.y;
    } else if (c.type === 'L') {
      line(c.x, c.y);
    } else if (c.type === 'Q') {
      const [x0, y0] = [cx, cy];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8, u = 1 - t;
        line(u * u * x0 + 2 * u * t * c.x1 + t * t * c.x, u * u * y0 + 2 * u * t * c.y1 + t * t * c.y);
      }
    } else if (c.type === 'C') {
      const [x0, y0] = [cx, cy];
      for (let i = 1; i <= 12; i++) {
        const t = i / 12, u = 1 - t;
        line(
          u * u * u * x0 + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
          u * u * u * y0 + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
        );
      }
    } else if (c.type === 'Z') {
      line(sx, sy);
    }
  }
  return edges;
}

/** Calls `span(y, from, to)` for every run of pixels inside the outline (non-zero winding, pixel centres). */
function fill(width: number, height: number, edges: readonly Edge[], span: (y: number, from: number, to: number) => void): void {
  if (edges.length === 0) return;
  let minY = Infinity, maxY = -Infinity;
  for (const e of edges) {
    minY = Math.min(minY, e.y0);
    maxY = Math.max(maxY, e.y1);
  }
  const hits: Array<{ x: number; dir: number }> = [];
  for (let y = Math.max(0, Math.floor(minY)); y < Math.min(height, Math.ceil(maxY)); y++) {
    const sy = y + 0.5;
    hits.length = 0;
    for (const e of edges) {
      if (sy < e.y0 || sy >= e.y1) continue;
      hits.push({ x: e.x0 + ((sy - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir });
    }
    hits.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < hits.length - 1; i++) {
      winding += hits[i]!.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(hits[i]!.x - 0.5));
      const to = Math.min(width - 1, Math.floor(hits[i + 1]!.x - 0.5));
      if (to >= from) span(y, from, to);
    }
  }
}

/** Width of `text` at a font size of 1 (so `advanceEm(t) × size` pixels); a rough guess without the font. */
export function advanceEm(text: string): number {
  const f = loadFont();
  if (!f) return text.length * 0.55;
  let em = 0;
  for (const ch of text) em += (f.charToGlyph(ch).advanceWidth ?? 0) / f.unitsPerEm;
  return em;
}

/**
 * Draws `text` at `size` px with its left edge at `x` and its baseline at `baseline`, calling
 * `span(y, from, to)` for each run of covered pixels inside `width`×`height`. Nothing without a font.
 */
export function drawText(text: string, x: number, baseline: number, size: number, width: number, height: number, span: (y: number, from: number, to: number) => void): void {
  const f = loadFont();
  if (!f) return;
  const commands: PathCommand[] = [];
  let pen = x;
  for (const ch of text) {
    const glyph = f.charToGlyph(ch);
    commands.push(...glyph.getPath(pen, baseline, size).commands);
    pen += ((glyph.advanceWidth ?? 0) / f.unitsPerEm) * size;
  }
  fill(width, height, edgesOf(commands), span);
}
