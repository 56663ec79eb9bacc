import { describe, expect, test } from 'vitest';
import { operationSchemas as ops, zError, zRender, zTemplate } from '@reelkit/core/creatomate';
import { CREATOMATE_TEMPLATE_IDS as T } from '../src/index.js';
import { CM_KEY, cm, emulator } from './helpers.js';

const missingId = '00000000-0000-4000-8000-000000000000';

function expectError(res: { status: number; body: unknown }, status: number, hint?: RegExp) {
  expect(res.status).toBe(status);
  const err = zError.parse(res.body);
  expect(err.documentation_url).toMatch(/^https:\/\/creatomate\.com\//);
  if (hint) expect(err.hint).toMatch(hint);
}

describe('Creatomate auth', () => {
  test('answers 401 without a key, with a malformed header, and with a key outside --keys', async () => {
    const emu = await emulator({ keys: ['good-key-123'] });
    expectError(await cm(emu, 'GET', '/templates', undefined, null), 401, /API key/);
    expectError(await cm(emu, 'GET', '/templates', undefined, ''), 401);
    expectError(await cm(emu, 'GET', '/templates', undefined, 'wrong-key'), 401, /invalid/);
    expect((await cm(emu, 'GET', '/templates', undefined, 'good-key-123')).status).toBe(200);
  });
});

describe('createRender', () => {
  test('202 with one planned Render per template, validating against the spec', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', {
      template_id: T.productCard,
      modifications: { 'Product-Name': 'Sneaker X', price: '$99' },
      webhook_url: 'https://example.com/hook',
      metadata: 'order-1',
    });
    expect(res.status).toBe(ops.createRender.successStatus);
    const renders = ops.createRender.response.parse(res.body);
    expect(renders).toHaveLength(1);
    const [r] = renders;
    expect(r).toMatchObject({
      status: 'planned', template_id: T.productCard, template_name: 'Product Card', template_tags: ['ecommerce'],
      output_format: 'png', render_scale: 1, metadata: 'order-1', webhook_url: 'https://example.com/hook',
      modifications: { 'Product-Name': 'Sneaker X', price: '$99' },
    });
    expect(r!.url).toBe(`${emu.url}/__emulator/files/renders/${r!.id}.png`);
    expect(r!.width).toBeUndefined(); // size is known once completed
  });

  test('tags render every template carrying any of them, one render each', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { tags: ['promo'] });
    const renders = ops.createRender.response.parse(res.body);
    expect(renders.map((r) => r.template_id).sort()).toEqual([T.storyPromo, T.digestGif].sort());
    expect(new Set(renders.map((r) => r.id)).size).toBe(2);
  });

  test('renders an inline source without a template', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', {
      source: { output_format: 'jpg', width: 400, height: 300, elements: [{ type: 'text', name: 'T', text: 'x' }] },
    });
    const [r] = ops.createRender.response.parse(res.body);
    expect(r).toMatchObject({ template_id: null, template_name: null, template_tags: null, output_format: 'jpg' });
  });

  test.each([
    ['no selector', { modifications: {} }, /template_id, a source or tags/],
    ['two selectors', { template_id: T.productCard, tags: ['promo'] }, /exactly one/],
    ['unknown parameter (additionalProperties: false)', { template_id: T.productCard, colour: 'red' }, /Unknown parameter 'colour'/],
    ['bad enum', { template_id: T.productCard, output_format: 'webm' }, /output_format.*jpg, png, gif, mp4/],
    ['template_id not a uuid', { template_id: 'nope' }, /template_id/],
    ['unknown template', { template_id: missingId }, /not found/],
    ['no template with the tags', { tags: ['nothing-has-this'] }, /No template/],
    ['webhook_url not a URL', { template_id: T.productCard, webhook_url: 'not a url' }, /webhook_url/],
    ['metadata not a string', { template_id: T.productCard, metadata: 42 }, /metadata/],
    ['mp4 frame_rate above 60', { template_id: T.storyPromo, frame_rate: 120 }, /frame_rate.*60/],
    ['gif frame_rate above 15', { template_id: T.digestGif, frame_rate: 24 }, /frame_rate.*1 and 15/],
    ['render_scale out of range', { template_id: T.productCard, render_scale: 0 }, /render_scale/],
  ])('400 with a hint for %s', async (_name, body, hint) => {
    const emu = await emulator();
    expectError(await cm(emu, 'POST', '/renders', body), 400, hint);
  });

  test('400 for malformed JSON, an empty body and a non-object body; the server keeps serving', async () => {
    const emu = await emulator();
    expectError(await cm(emu, 'POST', '/renders', '{"template_id": '), 400, /not valid JSON/);
    expectError(await cm(emu, 'POST', '/renders', ''), 400, /empty/);
    expectError(await cm(emu, 'POST', '/renders', '[1,2]'), 400);
    expect((await cm(emu, 'GET', '/templates')).status).toBe(200);
  });

  test('413 for a body over the limit', async () => {
    const emu = await emulator({ bodyLimit: 1024 });
    const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, metadata: 'x'.repeat(2000) });
    expectError(res, 413, /limit/);
  });
});

describe('getRender / listRenders / deleteRender', () => {
  test('get returns the Render, 404 for an unknown id and for a malformed id', async () => {
    const emu = await emulator();
    const [r] = ops.createRender.response.parse((await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare })).body);
    const res = await cm(emu, 'GET', `/renders/${r!.id}`);
    expect(res.status).toBe(200);
    expect(ops.getRender.response.parse(res.body).id).toBe(r!.id);
    expectError(await cm(emu, 'GET', `/renders/${missingId}`), 404);
    expectError(await cm(emu, 'GET', '/renders/not-a-uuid'), 404);
  });

  test('list is newest first and filters by template_id and limit; bad limit is a 400', async () => {
    const emu = await emulator();
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare });
    emu.clock.advance(10);
    await cm(emu, 'POST', '/renders', { template_id: T.productCard });
    emu.clock.advance(10);
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare });
    const all = ops.listRenders.response.parse((await cm(emu, 'GET', '/renders')).body);
    expect(all.map((r) => r.template_id)).toEqual([T.quoteSquare, T.productCard, T.quoteSquare]);
    const filtered = ops.listRenders.response.parse((await cm(emu, 'GET', `/renders?template_id=${T.productCard}`)).body);
    expect(filtered).toHaveLength(1);
    expect(ops.listRenders.response.parse((await cm(emu, 'GET', '/renders?limit=2')).body)).toHaveLength(2);
    expectError(await cm(emu, 'GET', '/renders?limit=0'), 400, /limit/);
    expectError(await cm(emu, 'GET', '/renders?limit=abc'), 400, /limit/);
  });

  test('delete returns the Render once; then it is gone (404)', async () => {
    const emu = await emulator();
    const [r] = ops.createRender.response.parse((await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare })).body);
    const del = await cm(emu, 'DELETE', `/renders/${r!.id}`);
    expect(del.status).toBe(ops.deleteRender.successStatus);
    expect(ops.deleteRender.response.parse(del.body).id).toBe(r!.id);
    expectError(await cm(emu, 'GET', `/renders/${r!.id}`), 404);
    expectError(await cm(emu, 'DELETE', `/renders/${r!.id}`), 404);
  });
});

describe('templates', () => {
  test('list has metadata without sources, filters by any tag and limit', async () => {
    const emu = await emulator();
    const all = ops.listTemplates.response.parse((await cm(emu, 'GET', '/templates')).body);
    expect(all).toHaveLength(Object.keys(T).length);
    for (const t of all) expect(t).not.toHaveProperty('source');
    const tagged = ops.listTemplates.response.parse((await cm(emu, 'GET', '/templates?tags=newsletter,ecommerce')).body);
    expect(tagged.map((t) => t.id).sort()).toEqual([T.digestGif, T.productCard].sort());
    expect(ops.listTemplates.response.parse((await cm(emu, 'GET', '/templates?limit=1')).body)).toHaveLength(1);
  });

  test('get returns the template with its source; 404 for unknown and malformed ids', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'GET', `/templates/${T.storyPromo}`);
    const t = zTemplate.parse(ops.getTemplate.response.parse(res.body));
    expect(t.name).toBe('Story Promo');
    expect(t.source).toHaveProperty('elements');
    expectError(await cm(emu, 'GET', `/templates/${missingId}`), 404);
    expectError(await cm(emu, 'GET', '/templates/xyz'), 404);
  });
});

test('unknown Creatomate paths answer a Creatomate-shaped 404', async () => {
  const emu = await emulator();
  expectError(await cm(emu, 'GET', '/nothing-here'), 404);
});

test('a render key only sees its own renders (per-key isolation)', async () => {
  const emu = await emulator();
  const [r] = ops.createRender.response.parse((await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare })).body);
  expect((await cm(emu, 'GET', `/renders/${r!.id}`, undefined, CM_KEY)).status).toBe(200);
  expectError(await cm(emu, 'GET', `/renders/${r!.id}`, undefined, 'someone-else'), 404);
  expectError(await cm(emu, 'DELETE', `/renders/${r!.id}`, undefined, 'someone-else'), 404);
  expect(zRender.array().parse((await cm(emu, 'GET', '/renders', undefined, 'someone-else')).body)).toEqual([]);
});
