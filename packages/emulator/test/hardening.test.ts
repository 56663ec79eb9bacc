// Hostile input against the emulator (issue 11): one request must not hurt another tenant or the
// process, and every refusal names its reason.
import { describe, expect, test } from 'vitest';
import type { components } from '@reelkit/core/creatomate';
import { MAX_BODY_BYTES } from '@reelkit/core/rules/creatomate';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS as T } from '../src/index.js';
import { MAX_JSON_DEPTH } from '../src/limits.js';
import { cf, cm, emulator, testimonialVariables } from './helpers.js';

type Render = components['schemas']['Render'];
const hint = (body: unknown) => (body as { hint: string }).hint;

describe('prototype pollution', () => {
  test.each(['Product-Name.__proto__.source', 'Product-Name.constructor.prototype.x', '__proto__.polluted', 'Price.prototype'])(
    'a modification path with %s answers 400 naming the segment',
    async (key) => {
      const emu = await emulator();
      const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { [key]: {} } });
      expect(res.status).toBe(400);
      expect(hint(res.body)).toMatch(/segment '(__proto__|constructor|prototype)' is not allowed/);
    },
  );

  test('after the pollution request, other keys still get 200 without a reset', async () => {
    const emu = await emulator();
    await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { 'Product-Name.__proto__.source': {} } });
    expect(({} as Record<string, unknown>).source).toBeUndefined();
    const other = await cm(emu, 'POST', '/renders', { template_id: T.productCard }, 'another-tenant-key');
    expect(other.status).toBe(202);
    const [render] = other.body as Render[];
    expect((await cm(emu, 'GET', `/renders/${render!.id}`, undefined, 'another-tenant-key')).status).toBe(200);
    expect((await cf(emu, 'GET', '/api/custom_templates/')).status).toBe(200);
  });

  test('a Creatify variable named constructor is an unknown variable (400); __proto__ is dropped by the schema, not a crash', async () => {
    const emu = await emulator();
    const withVariable = (name: string) =>
      `{"template_id":"${CREATIFY_TEMPLATE_IDS.testimonial}","variables":{${JSON.stringify(testimonialVariables).slice(1, -1)},"${name}":{"type":"text","properties":{"content":"x"}}}}`;
    const ctor = await cf(emu, 'POST', '/api/custom_template_jobs/', withVariable('constructor'));
    expect(ctor.status).toBe(400);
    expect(JSON.stringify(ctor.body)).toContain('constructor: unknown variable');
    expect((await cf(emu, 'POST', '/api/custom_template_jobs/', withVariable('__proto__'))).status).toBe(201);
    expect((await cf(emu, 'GET', '/api/custom_templates/')).status).toBe(200);
  });

  test('a query parameter named __proto__ or constructor is refused as unknown (400), not a 500', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'GET', '/renders?__proto__=1&constructor=2&limit=5');
    expect(res.status).toBe(400);
    expect(hint(res.body)).toMatch(/Unknown parameters? .*constructor/);
    expect((await cm(emu, 'GET', '/renders?limit=5')).status).toBe(200);
  });
});

describe('bounded modification paths', () => {
  test('an index into a sparse array (Badge.elements.100000000) answers 400 with the bound', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { 'Badge.elements.100000000': 'x' } });
    expect(res.status).toBe(400);
    expect(hint(res.body)).toMatch(/index 100000000 is out of range \(at most 9999\)/);
  });

  test('a key of more than 32 segments answers 400', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { [Array(40).fill('a').join('.')]: 'x' } });
    expect(res.status).toBe(400);
    expect(hint(res.body)).toMatch(/40 segments/);
  });
});

describe('deep nesting', () => {
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  test.each([2_000, 50_000])('a source nested %i levels deep answers 400 with the limit, and the emulator stays up', async (levels) => {
    const emu = await emulator();
    const body = `{"source":{"elements":[${nested(levels)}]}}`;
    const res = await cm(emu, 'POST', '/renders', body);
    expect(res.status).toBe(400);
    expect(hint(res.body)).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
    const cfRes = await cf(emu, 'POST', '/api/custom_template_jobs/', `{"variables":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`);
    expect(cfRes.status).toBe(400);
    expect(JSON.stringify(cfRes.body)).toContain('levels deep');
    expect((await cm(emu, 'GET', '/renders')).status).toBe(200);
  });

  test('brackets inside strings do not count as nesting', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { template_id: T.productCard, modifications: { 'Product-Name': '[{'.repeat(500) } });
    expect(res.status).toBe(202);
  });
});

describe('durations', () => {
  // A duration the request itself declares is checked by the shared rule (checkRenderRequest), as the
  // SDK does before sending: 400 at once. One that only the template's timeline reveals fails the render.
  test.each([
    ['1e308 via modifications', 1e308],
    ['just over the 4 h limit', 4 * 3600 + 1],
  ])('a declared duration of %s answers 400 with the reason, queueing nothing', async (_name, duration) => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { template_id: T.storyPromo, modifications: { duration } });
    expect(res.status).toBe(400);
    expect(hint(res.body)).toMatch(/modifications\.duration.*limit of 14400 s/);
    expect((await cm(emu, 'GET', '/renders')).body).toEqual([]);
  });

  test('a duration over the limit that only the modified timeline reveals fails within seconds of emulator time, with the reason', async () => {
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', {
      source: { output_format: 'mp4', width: 64, height: 36, frame_rate: 1, elements: [{ type: 'text', name: 'Long', text: 'long', duration: 1 }] },
      modifications: { 'Long.duration': 1e308 },
    });
    expect(res.status).toBe(202);
    const [render] = res.body as Render[];
    emu.clock.advance(10_000);
    const after = (await cm(emu, 'GET', `/renders/${render!.id}`)).body as Render;
    expect(after.status).toBe('failed');
    expect(after.error_message).toMatch(/exceeds the emulator's limit of 14400 s/);
  });

  test('a negative duration fails promptly with the reason', async () => {
    const emu = await emulator();
    const [render] = (await cm(emu, 'POST', '/renders', { template_id: T.storyPromo, modifications: { duration: -5 } })).body as Render[];
    emu.clock.advance(10_000);
    const after = (await cm(emu, 'GET', `/renders/${render!.id}`)).body as Render;
    expect(after.status).toBe('failed');
    expect(after.error_message).toMatch(/greater than 0 s/);
  });
});

describe('tenant isolation', () => {
  test('Creatify (p:q, r) and (p, q:r) are different accounts: neither reads the other’s job', async () => {
    const emu = await emulator();
    const a = { id: 'p:q', key: 'r' };
    const b = { id: 'p', key: 'q:r' };
    const body = { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables };
    const jobA = (await cf(emu, 'POST', '/api/custom_template_jobs/', body, a)).body as { id: string };
    const jobB = (await cf(emu, 'POST', '/api/custom_template_jobs/', body, b)).body as { id: string };
    expect((await cf(emu, 'GET', `/api/custom_template_jobs/${jobA.id}/`, undefined, a)).status).toBe(200);
    expect((await cf(emu, 'GET', `/api/custom_template_jobs/${jobA.id}/`, undefined, b)).status).toBe(404);
    expect((await cf(emu, 'GET', `/api/custom_template_jobs/${jobB.id}/`, undefined, a)).status).toBe(404);
    expect(emu.state().accounts).toHaveLength(2);
  });
});

describe('admin API body limit', () => {
  test(`a body over MAX_BODY_BYTES (${MAX_BODY_BYTES}) to the admin API answers 413 and changes nothing`, async () => {
    const emu = await emulator();
    const big = JSON.stringify([{ route: '*', kind: '500', pad: 'x'.repeat(MAX_BODY_BYTES) }]);
    const res = await fetch(`${emu.url}/__emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(emu.faults.list()).toEqual([]);
  });

  test('a deeply nested admin body answers 400', async () => {
    const emu = await emulator();
    const res = await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: '['.repeat(10_000) + ']'.repeat(10_000) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/levels deep/);
  });
});
