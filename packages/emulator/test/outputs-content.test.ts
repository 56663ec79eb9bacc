// Issue 13 item 8: output files show what was asked. Tests decode the files (pngjs for PNG, a
// test-side decoder for the emulator's H.264 subset) and read pixels where the elements are.
import { describe, expect, test } from 'vitest';
import pngjs from 'pngjs';
import { operationSchemas as cmOps } from '@reelkit/core/creatomate';
import { CREATOMATE_TEMPLATE_IDS as T, creatomateTemplates, type Emulator } from '../src/index.js';
import type { RenderScript } from '../src/renderscript.js';
import { layoutOf } from '../src/layout.js';
import { cm, emulator } from './helpers.js';
import { decodeFrames, toYuv, yuvAt } from './pcm-decoder.js';

type Rgb = [number, number, number];

async function output(emu: Emulator, body: object) {
  const [r] = cmOps.createRender.response.parse((await cm(emu, 'POST', '/renders', body)).body);
  emu.clock.advance(120_000);
  const done = cmOps.getRender.response.parse((await cm(emu, 'GET', `/renders/${r!.id}`)).body);
  expect(done.status).toBe('succeeded');
  return { done, bytes: new Uint8Array(await (await fetch(done.url!)).arrayBuffer()) };
}

/** How many pixels of `png` inside the rectangle have exactly `rgb`. */
function count(png: pngjs.PNG, [x0, y0, x1, y1]: [number, number, number, number], rgb: Rgb): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const o = (y * png.width + x) * 4;
      if (png.data[o] === rgb[0] && png.data[o + 1] === rgb[1] && png.data[o + 2] === rgb[2]) n++;
    }
  }
  return n;
}

describe('PNG outputs draw the modified source', () => {
  // Product Card is 1200×628: Price at x 72 %, y 55 % (≈ 864, 345); the product image at x 25 %, 45 % wide.
  const priceArea: [number, number, number, number] = [700, 310, 1030, 380];

  test('a red price is red where the Price element is, and nowhere on the left half', async () => {
    const emu = await emulator();
    const { bytes } = await output(emu, { template_id: T.productCard, modifications: { price: '$49', 'Price.fill_color': '#ff0000' } });
    const png = pngjs.PNG.sync.read(Buffer.from(bytes));
    expect(count(png, priceArea, [255, 0, 0])).toBeGreaterThan(300);
    expect(count(png, [0, 0, 600, 628], [255, 0, 0])).toBe(0);
  });

  test('a changed text colour moves with the modification (green price), and the text changes the pixels', async () => {
    const emu = await emulator();
    const green = pngjs.PNG.sync.read(Buffer.from((await output(emu, { template_id: T.productCard, modifications: { price: '$49', 'Price.fill_color': '#00aa00' } })).bytes));
    expect(count(green, priceArea, [0, 170, 0])).toBeGreaterThan(300);
    expect(count(green, priceArea, [255, 0, 0])).toBe(0);
    const longer = pngjs.PNG.sync.read(Buffer.from((await output(emu, { template_id: T.productCard, modifications: { price: '$1,234,567', 'Price.fill_color': '#00aa00' } })).bytes));
    expect(count(longer, priceArea, [0, 170, 0])).toBeGreaterThan(count(green, priceArea, [0, 170, 0]));
  });

  test('the background fill, the white badge text and the image placeholder box are drawn', async () => {
    const emu = await emulator();
    const png = pngjs.PNG.sync.read(Buffer.from((await output(emu, { template_id: T.productCard })).bytes));
    expect(count(png, [1150, 600, 1200, 628], [0xf4, 0xf1, 0xea])).toBe(50 * 28); // the Background shape
    const layers = layoutOf(
      { width: 1200, height: 628, elements: [{ type: 'image', name: 'Product-Image', x: '25%', width: '45%' }] },
      1200, 628, [0xf4, 0xf1, 0xea],
    );
    expect(layers).toEqual([{ kind: 'media', label: 'image Product-Image', box: { x: 30, y: 0, w: 540, h: 628 } }]);
    expect(count(png, [60, 20, 140, 60], [176, 180, 188])).toBeGreaterThan(2_000); // the grey placeholder
    const badge = layoutOf(creatomateSource(T.productCard), 1200, 628, [0xf4, 0xf1, 0xea]).find((l) => l.kind === 'text' && l.text === 'NEW');
    expect(badge).toBeDefined();
    const { x, y, w, h } = badge!.box;
    expect(count(png, [Math.round(x), Math.round(y), Math.round(x + w), Math.round(y + h)], [255, 255, 255])).toBeGreaterThan(100);
  });
});

function creatomateSource(id: string): RenderScript {
  return creatomateTemplates.find((t) => t.id === id)!.source as RenderScript;
}

describe('MP4 outputs are real frames that show the text', () => {
  test('Story Promo: the headline shows in its colour early on, the outro call-to-action (9–12 s) at 10 s, and frames change', async () => {
    const emu = await emulator();
    const { done, bytes } = await output(emu, {
      template_id: T.storyPromo,
      render_scale: 0.25, // 270×480
      modifications: { headline: 'Big sale', 'Headline.fill_color': '#ff0000', website: 'shop.example' },
    });
    const width = done.width!, height = done.height!;
    expect([width, height]).toEqual([270, 480]);
    const frames = decodeFrames(bytes, width, height);
    expect(frames).toHaveLength(12 * 30);
    const layers = layoutOf(creatomateSource(T.storyPromo), width, height, [0, 0, 0]);
    const headline = layers.find((l) => l.kind === 'text' && l.box.y < height / 2)!;
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 2);
    const pixelsOf = (f: number, [x0, y0, x1, y1]: number[], rgb: Rgb) => {
      let n = 0;
      for (let y = y0!; y < y1!; y++) for (let x = x0!; x < x1!; x++) if (near(yuvAt(frames[f]!, x, y), toYuv(rgb))) n++;
      return n;
    };
    const hb = [headline.box.x, headline.box.y, headline.box.x + headline.box.w, headline.box.y + headline.box.h].map(Math.round);
    expect(pixelsOf(30, hb, [255, 0, 0])).toBeGreaterThan(30); // 1 s: a red headline
    expect(pixelsOf(300, [0, 200, 270, 280], [0xff, 0xcc, 0x00])).toBeGreaterThan(30); // 10 s: the yellow call to action
    expect(pixelsOf(30, [0, 200, 270, 280], [0xff, 0xcc, 0x00])).toBe(0); // not before the outro
    const distinct = new Set(frames.map((f) => Buffer.from(f.y).toString('base64')));
    expect(distinct.size).toBeGreaterThan(10); // not one flat frame
  });
});
