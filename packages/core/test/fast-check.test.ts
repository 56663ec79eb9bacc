// The fast predicates (src/fast-check.ts) held to zod's verdicts: a `true` must always be a value zod
// accepts (and, for responses, one with no undeclared field), over every vendor fixture and request
// sample and thousands of mutations of them — with objects compiled by `new Function` and, as under a
// Content-Security-Policy, interpreted. And the fast path must really be taken for valid values.
import { readdirSync, readFileSync } from 'node:fs';
import { defaultPathSerializer } from 'openapi-fetch';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { analyseTolerant } from '../src/drift.js';
import { fastCheck, resetFastCheck } from '../src/fast-check.js';
import { operationSchemas as creatify } from '../src/generated/creatify/index.js';
import { operationSchemas as creatomate } from '../src/generated/creatomate/index.js';
import { serializePath } from '../src/request.js';

const UUID = '6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const dir = new URL('./fixtures/vendor/', import.meta.url);
const tables = { creatomate, creatify } as Record<string, Record<string, { response?: ZodType; body?: ZodType; query?: ZodType; path_params?: ZodType }>>;

/** Success fixtures with their response schema. */
const responses = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { fixture: { vendor: string; operation: string; status: number }; body: unknown })
  .filter((f) => f.fixture.status < 400)
  .map((f) => ({ name: `${f.fixture.vendor} ${f.fixture.operation}`, schema: tables[f.fixture.vendor]![f.fixture.operation]!.response!, value: f.body }));

const requests: { name: string; schema: ZodType; value: unknown }[] = [
  { name: 'createRender body', schema: creatomate.createRender.body, value: { template_id: UUID, modifications: { 'Product-Name': 'Shoe', Badge: { fill_color: '#f00' } }, output_format: 'mp4', frame_rate: 30, render_scale: 1, max_width: 720, webhook_url: 'https://hooks.example.com/r?x=1', metadata: 'order-1', tags: ['a'] } },
  { name: 'createRender body from source', schema: creatomate.createRender.body, value: { source: { output_format: 'png', elements: [{ type: 'text', text: 'Hi' }] }, transcripts: [{ a: 1 }] } },
  { name: 'listRenders query', schema: creatomate.listRenders.query, value: { template_id: UUID, limit: 10 } },
  { name: 'getRender path', schema: creatomate.getRender.path_params, value: { id: UUID } },
  { name: 'listTemplates query', schema: creatomate.listTemplates.query, value: { tags: 'promo', limit: 100 } },
  {
    name: 'creatify job body',
    schema: creatify.custom_template_jobs_create.body,
    value: { template_id: UUID, name: 'Launch', webhook_url: 'https://hooks.example.com/c', is_hidden: false, variables: { title: { type: 'text', properties: { content: 'Hi' } }, hero: { type: 'image', properties: { url: 'https://cdn.example.com/a.png' } } } },
  },
];

class Box {
  constructor(readonly id = UUID) {}
}

/** Replacement values tried at every path: wrong types, edge numbers, bad formats, odd objects. */
const REPLACEMENTS: unknown[] = [
  undefined, null, 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, NaN, '', 'x', ' https://x.example/a ', 'https://x.example/\na', 'http:x', 'ftp://x.example',
  'javascript:alert(1)', UUID.toUpperCase(), `${UUID} `, '00000000-0000-0000-0000-000000000000', 'queued', 'mp4', true, [], [1], ['a'], {}, { extra: 1 },
  Object.create(null) as object, new Box(), new Date(0), 'a'.repeat(300), { [Symbol('s')]: 1 },
];

function* paths(value: unknown, path: (string | number)[] = [], depth = 0): Generator<(string | number)[]> {
  yield path;
  if (depth > 4 || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) yield* paths(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1);
}

const clone = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

/** `value` with `path` replaced by `replacement`, deleted, or given an extra key. */
function* mutations(value: unknown): Generator<unknown> {
  for (const path of paths(value)) {
    for (const replacement of [...REPLACEMENTS, 'DELETE', 'EXTRA', 'NULL_PROTO', 'SYMBOL']) {
      const root = { v: clone(value) } as Record<string, unknown>;
      let parent: Record<string | number, unknown> = root;
      let key: string | number = 'v';
      for (const seg of path) [parent, key] = [parent[key] as Record<string | number, unknown>, seg];
      const target = parent[key];
      if (replacement === 'DELETE') delete parent[key];
      else if (replacement === 'EXTRA' && target !== null && typeof target === 'object') (target as Record<string, unknown>).undeclared_field = 1;
      else if (replacement === 'NULL_PROTO' && target !== null && typeof target === 'object') parent[key] = Object.assign(Object.create(null), target);
      else if (replacement === 'SYMBOL' && target !== null && typeof target === 'object') (target as Record<symbol, unknown>)[Symbol('k')] = 1;
      else if (typeof replacement !== 'string' || !['EXTRA', 'NULL_PROTO', 'SYMBOL'].includes(replacement)) parent[key] = replacement;
      else continue;
      yield root.v;
    }
  }
}

function agreeWithZod(cases: typeof requests, mode: 'allow' | 'reject'): { checked: number; fast: number } {
  let [checked, fast] = [0, 0];
  for (const { name, schema, value } of cases) {
    for (const v of [value, ...mutations(value)]) {
      checked++;
      if (!fastCheck(schema, mode)(v)) continue;
      fast++;
      const zodOk = schema.safeParse(v).success;
      const drift = mode === 'reject' ? analyseTolerant(schema, v) : { errors: [], drift: [] };
      // A fast "yes" is final, so it must be zod's yes (and, for responses, nothing undeclared).
      if (!zodOk || drift.errors.length || drift.drift.length) expect.fail(`${name} (${mode}): fast check accepted ${JSON.stringify(v)?.slice(0, 300)} — zod ${zodOk ? 'accepts' : 'rejects'}; ${JSON.stringify(drift)}`);
    }
  }
  return { checked, fast };
}

afterAll(() => resetFastCheck(undefined));

for (const codeGeneration of [true, false]) {
  describe(`fast checks agree with zod (${codeGeneration ? 'compiled objects' : 'interpreted, as under a CSP'})`, () => {
    it('accepts every valid fixture and sample on the fast path', () => {
      resetFastCheck(codeGeneration);
      for (const { name, schema, value } of responses) {
        expect(analyseTolerant(schema, value), name).toEqual({ errors: [], drift: [] });
        expect(fastCheck(schema, 'reject')(value), name).toBe(true);
      }
      for (const { name, schema, value } of requests) {
        expect(schema.safeParse(value).success, name).toBe(true);
        expect(fastCheck(schema, 'allow')(value), name).toBe(true);
      }
    });

    it('never says yes where zod says no, over mutations of responses (tolerant reads) and requests', () => {
      resetFastCheck(codeGeneration);
      const res = agreeWithZod(responses, 'reject');
      const resAllow = agreeWithZod(responses, 'allow');
      const req = agreeWithZod(requests, 'allow');
      // Thousands of cases, and many of them took the fast path (the check is not vacuous).
      expect(res.checked + resAllow.checked + req.checked).toBeGreaterThan(5000);
      expect(res.fast).toBeGreaterThan(100);
      expect(req.fast).toBeGreaterThan(100);
    });
  });
}

describe('fast checks: the cases zod treats specially', () => {
  it('a required key must be present even when its schema accepts undefined', async () => {
    const { z } = await import('zod');
    const schema = z.object({ a: z.unknown() });
    expect(schema.safeParse({}).success).toBe(false);
    expect(fastCheck(schema, 'allow')({})).toBe(false);
    expect(fastCheck(schema, 'allow')({ a: undefined })).toBe(true);
  });

  it('strict objects refuse an undeclared key; JSON’s own __proto__ key goes to zod', () => {
    const schema = creatomate.getRender.path_params;
    expect(fastCheck(schema, 'allow')({ id: UUID, colour: 'red' })).toBe(false);
    expect(fastCheck(schema, 'allow')(JSON.parse(`{"id":"${UUID}","__proto__":{"x":1}}`))).toBe(false);
  });
});

describe('path serialization', () => {
  it('matches openapi-fetch for plain placeholders, whatever the value', () => {
    const values: unknown[] = [UUID, 'a b', 'ü/ß?#&=', "$'", '$&', '$$', 42, 0, -1.5, '', '{id}', '%41'];
    for (const template of ['/renders/{id}', '/api/custom_template_jobs/{id}/render/', '/a/{x}/b/{y}']) {
      for (const x of values) {
        const params = { id: x, x, y: 'fixed' };
        expect(serializePath(template, params), `${template} ${String(x)}`).toBe(defaultPathSerializer(template, params));
      }
      for (const odd of [undefined, null, ['a', 'b'], { k: 'v' }, true]) {
        const params = { id: odd, x: odd, y: 'fixed' } as Record<string, unknown>;
        expect(serializePath(template, params)).toBe(defaultPathSerializer(template, params));
      }
    }
    expect(serializePath('/{.label}/{;matrix}/{ex*}', { label: 'a', matrix: 'b', ex: ['c', 'd'] })).toBe(defaultPathSerializer('/{.label}/{;matrix}/{ex*}', { label: 'a', matrix: 'b', ex: ['c', 'd'] }));
  });
});

describe('fast checks: refinements anywhere send the value to zod', () => {
  it('a refine on an object, an optional, an enum or a record is never skipped', async () => {
    const { z } = await import('zod');
    const never = () => false;
    for (const schema of [z.object({ a: z.string() }).refine(never), z.object({ a: z.string().optional().refine(never) }), z.enum(['x']).refine(never), z.record(z.string(), z.number()).refine(never)]) {
      const value = schema instanceof z.ZodEnum ? 'x' : { a: 'x' };
      expect(fastCheck(schema as ZodType, 'allow')(value)).toBe(false);
    }
  });
});

describe('loading', () => {
  it('the client’s checks get the fast predicates once the module has loaded (zod answers until then)', async () => {
    const { fastPredicate } = await import('../src/validation.js');
    const schema = creatomate.getRender.path_params;
    let pred = fastPredicate(schema, 'allow');
    for (let i = 0; !pred && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 10));
      pred = fastPredicate(schema, 'allow');
    }
    expect(pred?.({ id: UUID })).toBe(true);
  });
});
