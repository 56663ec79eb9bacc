import { describe, expect, test } from 'vitest';
import { operationSchemas as ops } from '@reelkit/core/creatomate';
import { CREATOMATE_TEMPLATE_IDS as T, creatomateTemplates } from '../src/index.js';
import { allElements, applyModifications, planOutput, type RenderScript } from '../src/renderscript.js';
import { cm, emulator } from './helpers.js';

const source = (id: string) => creatomateTemplates.find((t) => t.id === id)!.source as RenderScript;
const el = (s: RenderScript, name: string) => allElements(s).find((e) => e.name === name)!;

describe('applyModifications', () => {
  test('Name sets the main property: text for text, source for media', () => {
    const { source: s, unmatched } = applyModifications(source(T.storyPromo), {
      Headline: 'Big sale',
      'Background-Video': 'https://e.com/v.mp4',
    });
    expect(el(s, 'Headline').text).toBe('Big sale');
    expect(el(s, 'Background-Video').source).toBe('https://e.com/v.mp4');
    expect(unmatched).toEqual([]);
  });

  test('Name.property and deeper paths set that property', () => {
    const { source: s } = applyModifications(source(T.productCard), { 'Price.fill_color': '#00ff00', 'Product-Name.font_weight': '400' });
    expect(el(s, 'Price').fill_color).toBe('#00ff00');
    expect(el(s, 'Product-Name').font_weight).toBe('400');
  });

  test('an element id works like a name', () => {
    const { source: s } = applyModifications(source(T.storyPromo), { '0f1e2d3c-4b5a-4697-8877-665544332211.volume': '0%' });
    expect(el(s, 'Background-Video').volume).toBe('0%');
  });

  test('names reach into nested compositions', () => {
    const { source: s } = applyModifications(source(T.digestGif), { 'Issue-Number': 'Issue #7', 'Footer.y': '95%' });
    expect(el(s, 'Issue-Number').text).toBe('Issue #7');
    expect(el(s, 'Footer').y).toBe('95%');
  });

  test('{{placeholder}} keys replace in every text element; Name.text.placeholder only in one', () => {
    const { source: s } = applyModifications(source(T.quoteSquare), { quote: 'Stay curious', 'Author.text.author': 'Ada' });
    expect(el(s, 'Quote').text).toBe('“Stay curious”');
    expect(el(s, 'Author').text).toBe('— Ada');
    const nested = applyModifications(source(T.storyPromo), { website: 'shop.example' }).source;
    expect(el(nested, 'Call-To-Action').text).toBe('Shop now at shop.example');
  });

  test('top-level width/height, and unmatched keys are reported, not applied', () => {
    const { source: s, unmatched } = applyModifications(source(T.productCard), { width: 600, height: 314, 'No-Such-Element': 'x' });
    expect(s.width).toBe(600);
    expect(s.height).toBe(314);
    expect(unmatched).toEqual(['No-Such-Element']);
  });

  test('the template itself is never changed', () => {
    const before = JSON.stringify(source(T.productCard));
    applyModifications(source(T.productCard), { 'Product-Name': 'x', width: 1 });
    expect(JSON.stringify(source(T.productCard))).toBe(before);
  });
});

describe('planOutput', () => {
  const s: RenderScript = { output_format: 'mp4', width: 1080, height: 1920, frame_rate: 30, duration: 12 };
  test('render_scale scales both sides; max_width/max_height cap them keeping the aspect ratio', () => {
    expect(planOutput(s, { render_scale: 0.5 })).toMatchObject({ width: 540, height: 960 });
    expect(planOutput(s, { max_width: 540 })).toMatchObject({ width: 540, height: 960 });
    expect(planOutput(s, { max_height: 480 })).toMatchObject({ width: 270, height: 480 });
    expect(planOutput(s, { max_width: 5000, max_height: 5000 })).toMatchObject({ width: 1080, height: 1920 });
  });
  test('mp4 sizes are even; stills have no frame rate or duration', () => {
    expect(planOutput(s, { render_scale: 0.333 })).toMatchObject({ width: 360, height: 638 });
    expect(planOutput({ ...s, output_format: 'png' }, {})).toMatchObject({ frame_rate: null, duration: null });
  });
  test('duration comes from the timeline when the source gives none (5 s when empty)', () => {
    expect(planOutput({ output_format: 'gif', elements: [{ type: 'text', time: 1, duration: 3 }, { type: 'text', track: 2, duration: 2 }] }, {})).toMatchObject({ duration: 4 });
    expect(planOutput({ output_format: 'mp4' }, {})).toMatchObject({ duration: 5, width: 1280, height: 720 });
  });
});

test('the API echoes modifications and sizes the output from modified width/height × render_scale', async () => {
  const emu = await emulator();
  const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { width: 600, height: 300 }, render_scale: 0.5 });
  const [r] = ops.createRender.response.parse(res.body);
  expect(r!.modifications).toEqual({ width: 600, height: 300 });
  emu.clock.advance(60_000);
  const done = ops.getRender.response.parse((await cm(emu, 'GET', `/renders/${r!.id}`)).body);
  expect(done).toMatchObject({ width: 300, height: 150, render_scale: 0.5 });
});
