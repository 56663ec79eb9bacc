import { describe, expect, it } from 'vitest';
import { checkJobInput, checkVariables, CREDIT_PRICES, creditsFor, isUuid, mustBeGiven, priceOf } from '../src/rules/creatify.js';

const text = (content: string) => ({ type: 'text', properties: { content } });

describe('variables', () => {
  const definitions = {
    headline: { type: 'text', required: true },
    tagline: { type: 'text', required: true, default: 'Made for every day' },
    product_name: { type: 'text', required: false },
    photo: { type: 'image', required: false },
  };

  it('treats a required variable with a default as satisfied by its default', () => {
    expect(mustBeGiven({ type: 'text', required: true, default: 'x' })).toBe(false);
    expect(mustBeGiven({ type: 'text', required: true, default: null })).toBe(true);
    expect(mustBeGiven({ type: 'text', required: true })).toBe(true);
    expect(mustBeGiven({ type: 'text' })).toBe(false);
    expect(checkVariables(definitions, { headline: text('Hi') })).toEqual([]);
  });

  it('reports a missing required variable without a default', () => {
    expect(checkVariables(definitions, { tagline: text('x') })).toEqual([expect.objectContaining({ name: 'headline', reason: 'missing_required' })]);
  });

  it('suggests a transposed name, and nothing when nothing is close', () => {
    const [near] = checkVariables(definitions, { headline: text('a'), prodcut_name: text('b') });
    expect(near).toMatchObject({ reason: 'unknown_variable', suggestion: 'product_name' });
    const [far] = checkVariables(definitions, { headline: text('a'), shipping: text('b') });
    expect(far).not.toHaveProperty('suggestion');
  });

  it('refuses a media URL that is not http(s)', () => {
    expect(checkVariables(definitions, { headline: text('a'), photo: { type: 'image', properties: { url: 'file:///etc/passwd' } } })).toEqual([
      expect.objectContaining({ name: 'photo', reason: 'bad_url' }),
    ]);
  });
});

describe('prices', () => {
  it('bills every started block in full and rounds the total up', () => {
    expect(creditsFor('create', 'standard', 25)).toBe(5);
    expect(creditsFor('create', 'standard', 61)).toBe(15);
    expect(creditsFor('preview', 'standard', 31)).toBe(2);
    expect(creditsFor('create', 'aurora_v1_fast', 25)).toBe(13);
    expect(creditsFor('create', 'aurora_v1', 12.2)).toBe(13);
    expect(creditsFor('preview', 'aurora_v1', 25)).toBe(1);
  });

  it('keeps preview + render equal to a direct create for standard jobs', () => {
    for (const s of [1, 30, 31, 90]) expect(creditsFor('preview', 'standard', s) + creditsFor('render', 'standard', s)).toBe(creditsFor('create', 'standard', s));
  });

  it('looks prices up by own keys only', () => {
    expect(priceOf('standard', 'create')).toBe(CREDIT_PRICES.standard.create);
    expect(priceOf('constructor', 'create')).toBeUndefined();
    expect(priceOf('standard', 'toString')).toBeUndefined();
  });
});

describe('checkJobInput', () => {
  const ok = { template_id: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a61', variables: { title: text('Hi') } };

  it('uses the generated schema: UUID template_id, name ≤ 255, http(s) webhook_url ≤ 200', () => {
    expect(checkJobInput(ok)).toEqual([]);
    expect(checkJobInput({ ...ok, name: 'n'.repeat(256) }).map((i) => i.path)).toEqual(['name']);
    expect(checkJobInput({ ...ok, template_id: 'x' }).map((i) => i.path)).toEqual(['template_id']);
    for (const url of ['javascript:alert(1)', 'file:///x', 'data:text/plain,x', `https://h.example.com/${'a'.repeat(200)}`]) {
      expect(new Set(checkJobInput({ ...ok, webhook_url: url }).map((i) => i.path)), url).toEqual(new Set(['webhook_url']));
    }
  });

  it('refuses empty variables and a non-object input', () => {
    expect(checkJobInput({ ...ok, variables: {} }).map((i) => i.path)).toEqual(['variables']);
    expect(checkJobInput(null).map((i) => i.path)).toEqual(['(root)']);
  });

  it('recognises UUIDs by the spec format', () => {
    expect(isUuid(ok.template_id)).toBe(true);
    expect(isUuid('product-showcase')).toBe(false);
    expect(isUuid(5)).toBe(false);
  });
});
