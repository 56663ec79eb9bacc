import { describe, expect, test } from 'vitest';
import { operationSchemas as ops } from '@reelkit/core/creatomate';
import { checkModifications, elementsOf, MAX_DURATION_SECONDS, type ModificationProblemCode } from '@reelkit/core/rules/creatomate';
import { MAX_VIDEO_SECONDS } from '../src/limits.js';
import { CREATOMATE_TEMPLATE_IDS as T, creatomateTemplates } from '../src/index.js';
import { allElements, applyModifications, planOutput, type RenderScript } from '../src/renderscript.js';
import { CF, cf, cm, emulator } from './helpers.js';

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

  test('a bare shape name sets nothing: shapes have no documented main property', () => {
    const { source: s, unmatched } = applyModifications(source(T.productCard), { 'Badge-Circle': '#00ff00' });
    expect(el(s, 'Badge-Circle').fill_color).toBe('#d0021b');
    expect(unmatched).toEqual(['Badge-Circle']);
  });

  test('top-level fonts (documented) is applied, also by a path into it', () => {
    const fonts = [{ family: 'Inter', source: 'https://cdn.example.com/inter.woff2' }];
    const { source: s, unmatched } = applyModifications(source(T.productCard), { fonts });
    expect(s.fonts).toEqual(fonts);
    expect(unmatched).toEqual([]);
    const deep = applyModifications(source(T.productCard), { 'fonts.0.family': 'Inter' });
    expect(deep.source.fonts).toEqual([{ family: 'Inter' }]);
  });

  test('keyframe paths set the keyframe, creating the list when the property had a plain value', () => {
    const { source: s, unmatched } = applyModifications(source(T.productCard), { 'Price.y.0.value': '10%', 'Price.y.0.time': 0 });
    expect(el(s, 'Price').y).toEqual([{ value: '10%', time: 0 }]);
    expect(unmatched).toEqual([]);
  });

  test('unsafe keys are never applied: no prototype is reached and no sparse list is built', () => {
    const { source: s, unmatched } = applyModifications(source(T.productCard), { 'Product-Name.__proto__.source': { polluted: true }, 'Price.x.100000000.value': 1 });
    expect(unmatched).toEqual(['Product-Name.__proto__.source', 'Price.x.100000000.value']);
    expect(({} as Record<string, unknown>).source).toBeUndefined();
    expect(Array.isArray(el(s, 'Price').x)).toBe(false);
  });

  // The SDK's rule says which keys reach nothing; the emulator must leave exactly those unapplied.
  const NOTHING: readonly ModificationProblemCode[] = ['unknown_key', 'no_main_property', 'unknown_placeholder', 'unsafe_key'];
  for (const template of creatomateTemplates) {
    test(`applies exactly the keys the SDK accepts as reaching something, for seed template "${template.name}"`, () => {
      const src = template.source as RenderScript;
      const keys = new Set(['fonts', 'width', 'No-Such', 'constructor', 'x.__proto__.y', 'duration']);
      for (const e of elementsOf(src)) {
        const handle = e.name ?? e.id;
        if (handle === null) continue;
        for (const k of [handle, `${handle}.opacity`, `${handle}.fill_color.0.value`, `${handle}.text.nope`, `${handle}.a.b.c`, `${handle.slice(0, -1)}`]) keys.add(k);
        for (const p of e.placeholders) keys.add(p).add(`${handle}.text.${p}`);
      }
      const mods = Object.fromEntries([...keys].map((k) => [k, 'x']));
      const problems = checkModifications(src, mods);
      const unmatched = new Set(applyModifications(src, mods).unmatched);
      // Every key the emulator ignores is one the SDK reports; every key the SDK says reaches nothing is ignored.
      for (const key of unmatched) expect(problems.map((p) => p.key), key).toContain(key);
      for (const p of problems.filter((p) => NOTHING.includes(p.code))) expect(unmatched.has(p.key), p.key).toBe(true);
      // The SDK may say more only as a lint: a property name no element kind documents, or a value of the wrong kind.
      for (const p of problems.filter((p) => !unmatched.has(p.key))) expect(['unknown_property', 'invalid_value'], p.key).toContain(p.code);
    });
  }

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

describe('modification keys and request ranges over HTTP', () => {
  test.each([
    ['a __proto__ segment', { 'Product-Name.__proto__.source': {} }, /__proto__/],
    ['a constructor segment', { 'constructor.prototype': {} }, /constructor/],
    ['an index into a sparse list', { 'Badge.elements.100000000': 'x' }, /out of range \(at most 9999\)/],
  ])('400 naming the key for %s, and the emulator keeps serving everyone', async (_name, modifications, hint) => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications });
    expect(res.status).toBe(400);
    expect((res.body as { hint: string }).hint).toMatch(hint);
    const [key] = Object.keys(modifications);
    expect((res.body as { hint: string }).hint).toContain(`modifications.${key!}`);
    expect((await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { 'Product-Name': 'ok' } })).status).toBe(202);
    expect((await cm(emu, 'GET', '/renders', undefined, 'another-tenant-key')).status).toBe(200);
  });

  test('the render-time limit is the rule\'s 4 hours (the file worker keeps its own copy of the number)', () => {
    expect(MAX_VIDEO_SECONDS).toBe(MAX_DURATION_SECONDS);
  });

  test('a declared duration over 4 hours is answered 400 with the limit, before anything is queued', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { source: { output_format: 'mp4', duration: 5 * 3600, elements: [] } });
    expect(res.status).toBe(400);
    expect((res.body as { hint: string }).hint).toMatch(/14400 s/);
    expect((await cm(emu, 'GET', '/renders')).body).toEqual([]);
  });
});

test('a Creatify job may leave out a required variable that has a default (the SDK agrees)', async () => {
  const emu = await emulator();
  const res = await cf(emu, 'POST', '/api/custom_template_jobs/', {
    template_id: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a61',
    variables: { product_name: { type: 'text', properties: { content: 'Mug' } }, product_image: { type: 'image', properties: { url: 'https://cdn.example.com/mug.png' } } },
  }, CF);
  expect(res.status).toBe(201);
});
