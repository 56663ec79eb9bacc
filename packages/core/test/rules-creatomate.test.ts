import { describe, expect, it } from 'vitest';
import {
  checkModifications, checkRenderRequest, closestMatch, editDistance, indexSource, MAX_PATH_INDEX, resolveModificationKey, unsafeKeyReason,
} from '../src/rules/creatomate.js';

const TEMPLATE = '5b6a3c7e-2f1d-4a8b-9c0e-1d2f3a4b5c6d';
const source = {
  elements: [
    { type: 'text', name: 'Price', text: 'Only {{price}}' },
    { type: 'shape', name: 'Badge', fill_color: '#000000' },
    { type: 'image', name: 'Product-Image', source: 'https://cdn.example.com/a.png' },
    { type: 'text', name: 'Product-Name', text: 'Name' },
    { type: 'composition', name: 'Card', elements: [{ type: 'text', name: 'Caption', text: 'Hi {{ who }}' }] },
  ],
};
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('editDistance (optimal string alignment)', () => {
  it('counts a transposition of two adjacent characters as one edit', () => {
    expect(editDistance('Nmae', 'Name')).toBe(1);
    expect(editDistance('prcie', 'price')).toBe(1);
    expect(editDistance('Product-Nmae', 'Product-Image')).toBe(2);
  });

  it('counts insertions, deletions and substitutions as one edit each', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('closestMatch', () => {
  it('suggests the transposed name over one two plain edits away, whatever the order of candidates', () => {
    expect(closestMatch('Product-Nmae', ['Product-Image', 'Product-Name'])?.value).toBe('Product-Name');
  });

  it('breaks a tie by case, then by the order of candidates', () => {
    expect(closestMatch('prcie', ['Price', 'price'])?.value).toBe('price');
    expect(closestMatch('Headlin', ['headline', 'Headline'])?.value).toBe('Headline');
    expect(closestMatch('colr', ['color', 'colour'])?.value).toBe('color');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('shipping_costs', ['Price', 'Badge'])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});

describe('unsafeKeyReason', () => {
  it('refuses __proto__, constructor and prototype segments anywhere in the key', () => {
    for (const key of ['__proto__', 'Product-Name.__proto__.source', 'constructor', 'Badge.constructor.prototype', 'x.prototype']) {
      expect(unsafeKeyReason(key), key).toMatch(/segment '(__proto__|constructor|prototype)' is not allowed/);
    }
  });

  it(`refuses an index segment above ${MAX_PATH_INDEX} but not a name made of digits`, () => {
    expect(unsafeKeyReason('Badge.elements.100000000')).toMatch(/index 100000000 is out of range \(at most 9999\)/);
    expect(unsafeKeyReason(Array(33).fill('a').join('.'))).toMatch(/33 segments/);
    expect(unsafeKeyReason(`Badge.x.${MAX_PATH_INDEX}.value`)).toBeUndefined();
    expect(unsafeKeyReason('2024')).toBeUndefined();
    expect(unsafeKeyReason('Price.fill_color')).toBeUndefined();
  });
});

describe('resolveModificationKey', () => {
  const index = indexSource(source);
  const kinds = (key: string) => {
    const r = resolveModificationKey(index, key);
    return 'problem' in r ? r.problem.code : r.targets.map((t) => t.kind);
  };

  it('reaches main properties, placeholders, properties, keyframes and top-level values', () => {
    expect(kinds('Price')).toEqual(['main']);
    expect(kinds('price')).toEqual(['placeholder']);
    expect(kinds('who')).toEqual(['placeholder']);
    expect(kinds('Caption.text.who')).toEqual(['placeholder']);
    expect(kinds('Badge.fill_color')).toEqual(['property']);
    expect(kinds('Badge.fill_color.0.value')).toEqual(['property']);
    expect(kinds('width')).toEqual(['top_level']);
    expect(kinds('fonts')).toEqual(['top_level']);
    expect(kinds('fonts.0.source')).toEqual(['top_level']);
  });

  it('gives a shape no main property: a bare shape name reaches nothing', () => {
    expect(kinds('Badge')).toBe('no_main_property');
  });

  it('reports unknown keys, placeholders and over-long paths, and refuses unsafe keys', () => {
    expect(kinds('Nope')).toBe('unknown_key');
    expect(kinds('Caption.text.whom')).toBe('unknown_placeholder');
    expect(kinds('Badge.fill_color.foo.bar')).toBe('unknown_property');
    expect(kinds('Badge.__proto__.x')).toBe('unsafe_key');
  });
});

describe('checkModifications', () => {
  it('suggests the placeholder, not the element that contains it, for a typo of both', () => {
    expect(checkModifications(source, { prcie: '9 €' })).toEqual([expect.objectContaining({ code: 'unknown_key', suggestion: 'price' })]);
  });

  it('suggests Product-Name for Product-Nmae', () => {
    expect(checkModifications(source, { 'Product-Nmae': 'x' })).toEqual([expect.objectContaining({ suggestion: 'Product-Name' })]);
  });
});

describe('checkRenderRequest', () => {
  const ok = { template_id: TEMPLATE };

  it('passes a valid request and reports nothing', () => {
    expect(checkRenderRequest({ ...ok, output_format: 'gif', frame_rate: 15, render_scale: 10, max_width: 1, webhook_url: 'https://hooks.example.com/x' })).toEqual([]);
  });

  it('refuses what is not an object, naming the root', () => {
    expect(paths(checkRenderRequest(null))).toEqual(['(root)']);
    expect(paths(checkRenderRequest(undefined))).toEqual(['(root)']);
    expect(paths(checkRenderRequest([]))).toEqual(['(root)']);
  });

  it.each([
    ['render_scale 0', { render_scale: 0 }, 'render_scale'],
    ['render_scale -1', { render_scale: -1 }, 'render_scale'],
    ['render_scale 1e9', { render_scale: 1e9 }, 'render_scale'],
    ['frame_rate -5', { frame_rate: -5 }, 'frame_rate'],
    ['mp4 frame_rate 61', { output_format: 'mp4', frame_rate: 61 }, 'frame_rate'],
    ['gif frame_rate 24', { output_format: 'gif', frame_rate: 24 }, 'frame_rate'],
    ['max_width 0', { max_width: 0 }, 'max_width'],
    ['max_height 0', { max_height: 0 }, 'max_height'],
    ['webhook_url javascript:', { webhook_url: 'javascript:alert(1)' }, 'webhook_url'],
    ['webhook_url file:', { webhook_url: 'file:///etc/passwd' }, 'webhook_url'],
    ['webhook_url data:', { webhook_url: 'data:text/plain,hi' }, 'webhook_url'],
    ['a 5 h duration', { modifications: { duration: 5 * 3600 } }, 'modifications.duration'],
    ['a __proto__ modification key', { modifications: { 'Product-Name.__proto__.source': {} } }, 'modifications.Product-Name.__proto__.source'],
    ['a huge index', { modifications: { 'Badge.elements.100000000': 1 } }, 'modifications.Badge.elements.100000000'],
  ])('names the field for %s', (_name, extra, path) => {
    expect(new Set(paths(checkRenderRequest({ ...ok, ...extra })))).toEqual(new Set([path]));
  });

  it('refuses empty tags, an inline source over 4 hours, and anything but exactly one selector', () => {
    expect(paths(checkRenderRequest({ tags: [] }))).toEqual(['tags']);
    expect(paths(checkRenderRequest({ source: { duration: '14401 s' } }))).toEqual(['source.duration']);
    expect(paths(checkRenderRequest({ source: { duration: 4 * 3600 } }))).toEqual([]);
    expect(paths(checkRenderRequest({}))).toEqual(['(root)']);
    expect(paths(checkRenderRequest({ ...ok, tags: ['a'] }))).toEqual(['(root)']);
  });

  it('refuses a source whose elements are not an array of element objects, at any depth, naming the path', () => {
    expect(paths(checkRenderRequest({ source: { elements: 'x' } }))).toEqual(['source.elements']);
    expect(paths(checkRenderRequest({ source: { elements: [{ type: 'composition', elements: [1] }] } }))).toEqual(['source.elements.0.elements.0']);
    expect(checkRenderRequest({ source: { elements: [{ type: 'composition', elements: [{ type: 'text', text: 'a' }] }] } })).toEqual([]);
  });

  it('refuses a field the spec does not know', () => {
    expect(paths(checkRenderRequest({ ...ok, colour: 'red' }))).toEqual(['colour']);
  });
});
