import { describe, expect, it } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS, creatomateTemplates } from '@reelkit/emulator/fixtures';
import { inspectTemplate, validateModifications, type Modifications } from '../src/index.js';

const source = (id: string) => creatomateTemplates.find((t) => t.id === id)!.source!;
const story = source(CREATOMATE_TEMPLATE_IDS.storyPromo);

/** A modification for everything inspection says is addressable, with a value of the right kind. */
function fullModifications(src: Record<string, unknown>): Modifications {
  const info = inspectTemplate(src);
  const mods: Modifications = {};
  for (const el of info.elements) {
    const handle = el.name ?? el.id!;
    if (el.mainProperty === 'text') mods[handle] = `new ${handle}`;
    else if (el.mainProperty === 'source') mods[handle] = `https://cdn.example.com/new/${encodeURIComponent(handle)}`;
    else mods[`${handle}.opacity`] = '80%';
    if (el.id) mods[`${el.id}.opacity`] = 0.5;
    for (const ph of el.placeholders) mods[`${handle}.text.${ph}`] = 'scoped';
  }
  for (const ph of info.placeholders) mods[ph.name] = 'value';
  mods.width = 720;
  mods.height = '1280';
  return mods;
}

describe('validateModifications', () => {
  for (const template of creatomateTemplates) {
    it(`accepts a modification of every addressable element of seed template "${template.name}"`, () => {
      const mods = fullModifications(template.source!);
      expect(Object.keys(mods).length).toBeGreaterThan(3);
      expect(validateModifications(template.source!, mods)).toEqual([]);
    });

    it(`flags a misspelt element name in seed template "${template.name}" with a suggestion`, () => {
      const named = inspectTemplate(template.source!).elements.find((el) => el.mainProperty !== null && el.name)!;
      const typo = named.name!.slice(0, -1);
      const problems = validateModifications(template.source!, { [typo]: 'x' });
      expect(problems).toEqual([expect.objectContaining({ key: typo, code: 'unknown_key', suggestion: named.name })]);
      expect(problems[0]!.message).toContain(`did you mean '${named.name}'`);
    });
  }

  it('suggests the right element for a misspelt Name.property', () => {
    expect(validateModifications(story, { 'Headlin.fill_color': '#fff' })).toEqual([
      expect.objectContaining({ code: 'unknown_key', suggestion: 'Headline.fill_color' }),
    ]);
  });

  it('flags a property the element kind does not have and suggests a close one', () => {
    expect(validateModifications(story, { 'Headline.fill_colour': '#fff' })).toEqual([
      expect.objectContaining({ key: 'Headline.fill_colour', code: 'unknown_property', suggestion: 'Headline.fill_color' }),
    ]);
    expect(validateModifications(story, { 'Music.font_family': 'Arial' })).toEqual([
      expect.objectContaining({ code: 'unknown_property' }),
    ]);
  });

  it('flags a scoped placeholder that is not in that element', () => {
    expect(validateModifications(story, { 'Headline.text.website': 'x' })).toEqual([
      expect.objectContaining({ code: 'unknown_placeholder', key: 'Headline.text.website' }),
    ]);
    expect(validateModifications(story, { 'Headline.text.headlin': 'x' })).toEqual([
      expect.objectContaining({ code: 'unknown_placeholder', suggestion: 'Headline.text.headline' }),
    ]);
  });

  it('flags a value of the wrong kind', () => {
    const problems = validateModifications(story, {
      Logo: 'not a url',
      Headline: { text: 'object' },
      'Headline.visible': 'yes',
      'Headline.x': { a: 1 },
      output_format: 'webm',
      website: ['a'],
    });
    expect(problems.map((p) => [p.key, p.code])).toEqual([
      ['Logo', 'invalid_value'],
      ['Headline', 'invalid_value'],
      ['Headline.visible', 'invalid_value'],
      ['Headline.x', 'invalid_value'],
      ['output_format', 'invalid_value'],
      ['website', 'invalid_value'],
    ]);
    expect(problems[0]!.message).toContain('expects a URL');
    expect(problems[1]!.message).toContain('got an object');
  });

  it('accepts numbers for text, keyframes for animatable properties, null to unset, and keyframe paths', () => {
    expect(
      validateModifications(story, {
        Headline: 42,
        'Headline.x': [{ time: 0, value: '10%' }, { time: 2, value: '90%' }],
        'Headline.fill_color': null,
        'Outro-Backdrop.stroke_end.0.value': '100%',
        'Headline.transcript_source': 'Background-Video',
      }),
    ).toEqual([]);
  });

  it('addresses elements by id, also with a property', () => {
    const id = '0f1e2d3c-4b5a-4697-8877-665544332211';
    expect(validateModifications(story, { [id]: 'https://x.test/v.mp4', [`${id}.volume`]: '50%' })).toEqual([]);
    expect(validateModifications(story, { [id]: 'nope' })).toEqual([expect.objectContaining({ code: 'invalid_value' })]);
  });

  it('flags a bare name for a composition or shape, which has no main property', () => {
    expect(validateModifications(story, { Outro: 'x', 'Outro-Backdrop': '#000' }).map((p) => p.code)).toEqual(['no_main_property', 'no_main_property']);
  });

  it('reaches elements inside nested compositions by name', () => {
    const digest = source(CREATOMATE_TEMPLATE_IDS.digestGif);
    expect(validateModifications(digest, { 'Issue-Number': '42', issue: 7, 'Footer.y': '85%' })).toEqual([]);
  });

  it('lets element names that contain dots and spaces win over property paths', () => {
    const src = { elements: [{ type: 'text', name: 'Title v1.2', text: 'a' }, { type: 'text', name: 'Text 1', text: 'b' }] };
    expect(validateModifications(src, { 'Title v1.2': 'x', 'Title v1.2.fill_color': '#000', 'Text 1.text': 'y' })).toEqual([]);
  });

  it('flags keys named like Object.prototype members (toString, hasOwnProperty) as unknown', () => {
    const keys = ['toString', 'hasOwnProperty', 'hasOwnProperty.foo', 'toString.0.value'];
    const problems = validateModifications(story, Object.fromEntries(keys.map((k) => [k, 'x'])));
    expect(problems.map((p) => [p.key, p.code])).toEqual(keys.map((k) => [k, 'unknown_key']));
    expect(validateModifications(story, { 'Headline.valueOf': 'x' }).map((p) => [p.key, p.code])).toEqual([['Headline.valueOf', 'unknown_property']]);
  });

  it('refuses keys with a __proto__, constructor or prototype segment, or an index above 9999, as unsafe', () => {
    const keys = ['__proto__', 'constructor', 'constructor.name', 'Headline.constructor', 'Product-Name.__proto__.source', 'Headline.prototype', 'Headline.x.100000000.value', 'fonts.10000'];
    const problems = validateModifications(story, Object.fromEntries(keys.map((k) => [k, 'x'])));
    expect(problems.map((p) => [p.key, p.code])).toEqual(keys.map((k) => [k, 'unsafe_key']));
    expect(validateModifications(story, { 'Headline.x.9999.value': '10%', 'fonts.0.source': 'https://cdn.example.com/a.woff2' })).toEqual([]);
  });

  it('suggests by a distance that counts a transposition as one edit', () => {
    // Product-Image first: plain Levenshtein ties the two at 2 edits and would pick it.
    const src = { elements: [{ type: 'image', name: 'Product-Image', source: 'https://x.test/a.png' }, { type: 'text', name: 'Product-Name', text: 'a' }] };
    expect(validateModifications(src, { 'Product-Nmae': 'x' })).toEqual([expect.objectContaining({ code: 'unknown_key', suggestion: 'Product-Name' })]);
  });

  it('prefers a placeholder over the element that contains it, and suggests nothing when nothing is close', () => {
    const src = { elements: [{ type: 'text', name: 'Price', text: 'Only {{price}}' }] };
    expect(validateModifications(src, { prcie: '9 €' })).toEqual([expect.objectContaining({ code: 'unknown_key', suggestion: 'price' })]);
    const [far] = validateModifications(src, { shipping_costs: 'x' });
    expect(far).toMatchObject({ code: 'unknown_key' });
    expect(far).not.toHaveProperty('suggestion');
  });

  it('accepts the documented top-level fonts, and refuses a bare shape name (shapes have no main property)', () => {
    const src = { elements: [{ type: 'shape', name: 'Badge', fill_color: '#000000' }] };
    expect(validateModifications(src, { fonts: [{ family: 'Inter', source: 'https://cdn.example.com/inter.woff2' }] })).toEqual([]);
    expect(validateModifications(src, { Badge: '#ff0000' })).toEqual([expect.objectContaining({ code: 'no_main_property' })]);
  });

  it('accepts extra path parts only as a keyframe path or a scoped placeholder', () => {
    expect(
      validateModifications(story, {
        'Headline.x.0.value': '10%',
        'Headline.x.1.time': 2,
        'Headline.x.1.easing': 'linear',
        'Headline.text.headline': 'scoped',
        'fonts.0.source': 'https://x.test/f.woff2',
      }),
    ).toEqual([]);
    const bad = ['Headline.text.x.y', 'Headline.text.headline.extra', 'Headline.x.y', 'Headline.x.0', 'Headline.x.0.bogus', 'Headline.x.first.value', 'Headline.x.0.value.more'];
    const problems = validateModifications(story, Object.fromEntries(bad.map((k) => [k, 'x'])));
    expect(problems.map((p) => [p.key, p.code])).toEqual(bad.map((k) => [k, 'unknown_property']));
    // A keyframe's value is checked like the property itself.
    expect(validateModifications(story, { 'Background-Video.source.0.value': 'nope' }).map((p) => p.code)).toEqual(['invalid_value']);
  });

  it('rejects modifications that are not an object', () => {
    expect(validateModifications(story, 'nope' as unknown as Modifications)).toEqual([expect.objectContaining({ code: 'invalid_value' })]);
  });
});
