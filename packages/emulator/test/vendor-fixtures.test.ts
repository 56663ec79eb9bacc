// A second oracle: the emulator's answers compared field by field with bodies written from the
// vendors' published examples (packages/core/test/fixtures/vendor, read as data), so the emulator is
// not checked only against itself. Same keys; same JSON type wherever neither side is null.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CREATIFY_TEMPLATE_IDS as CFT, CREATOMATE_TEMPLATE_IDS as T, type Emulator } from '../src/index.js';
import { cf, cm, emulator, testimonialVariables, type Call } from './helpers.js';

const FIXTURES = new URL('../../core/test/fixtures/vendor/', import.meta.url);
const fixture = (file: string): { status: number; body: unknown; specOnly: ReadonlySet<string> } => {
  type Meta = { status: number; specOnly?: string[] };
  const { fixture: meta, body } = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { fixture: Meta; body: unknown };
  return { status: meta.status, body, specOnly: new Set(meta.specOnly) };
};

/** Objects whose keys depend on the request (what was modified, which variables), compared as objects only. */
const OPEN = new Set(['modifications', 'variables', 'source']);
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Where `actual` differs in shape from `expected`: missing or extra keys, or another JSON type. */
/** `specOnly`: fields only the spec's third-party source lists, tolerated as extras (see the fixture's note). */
function shapeDiff(expected: unknown, actual: unknown, specOnly: ReadonlySet<string> = new Set(), path = '(body)'): string[] {
  const [te, ta] = [jsonType(expected), jsonType(actual)];
  if (te === 'null' || ta === 'null') return [];
  if (te !== ta) return [`${path}: ${ta}, vendor ${te}`];
  if (te === 'array') {
    const [e, a] = [expected as unknown[], actual as unknown[]];
    return e.length && a.length ? shapeDiff(e[0], a[0], specOnly, `${path}[0]`) : [];
  }
  if (te !== 'object' || OPEN.has(path.split('.').pop()!)) return [];
  const [e, a] = [expected as Record<string, unknown>, actual as Record<string, unknown>];
  const diffs: string[] = [];
  for (const k of Object.keys(e)) if (!Object.hasOwn(a, k)) diffs.push(`${path}.${k}: missing, vendor has it`);
  for (const k of Object.keys(a)) if (!Object.hasOwn(e, k) && !specOnly.has(k)) diffs.push(`${path}.${k}: extra, vendor has no such field`);
  for (const k of Object.keys(e)) if (Object.hasOwn(a, k)) diffs.push(...shapeDiff(e[k], a[k], specOnly, `${path}.${k}`));
  return diffs;
}

const body = <B>(call: Call) => call.body as B;
const firstRender = async (emu: Emulator, request: Record<string, unknown>) => body<{ id: string }[]>(await cm(emu, 'POST', '/renders', request))[0]!.id;

const cases: [file: string, answer: (emu: Emulator) => Promise<Call>][] = [
  ['creatomate.createRender.json', (emu) => cm(emu, 'POST', '/renders', { template_id: T.storyPromo, modifications: { Headline: 'Hi' }, webhook_url: 'https://example.com/wh', metadata: 'order-1234' })],
  ['creatomate.getRender.succeeded.json', async (emu) => {
    const id = await firstRender(emu, { template_id: T.storyPromo, modifications: { snapshot_time: 1 } });
    emu.clock.advance(120_000);
    return cm(emu, 'GET', `/renders/${id}`);
  }],
  ['creatomate.getRender.failed.json', async (emu) => {
    const id = await firstRender(emu, { template_id: T.alwaysFails });
    emu.clock.advance(120_000);
    return cm(emu, 'GET', `/renders/${id}`);
  }],
  ['creatomate.listTemplates.json', (emu) => cm(emu, 'GET', '/templates')],
  ['creatomate.getTemplate.json', (emu) => cm(emu, 'GET', `/templates/${T.storyPromo}`)],
  ['creatomate.error.400.json', (emu) => cm(emu, 'POST', '/renders', { template_id: '00000000-0000-4000-8000-000000000000' })],
  ['creatify.getJob.json', async (emu) => {
    const job = body<{ id: string }>(await cf(emu, 'POST', '/api/custom_template_jobs/', { template_id: CFT.testimonial, variables: testimonialVariables, name: 'Spring launch' }));
    emu.clock.advance(600_000);
    return cf(emu, 'GET', `/api/custom_template_jobs/${job.id}/`);
  }],
  ['creatify.listTemplates.json', (emu) => cf(emu, 'GET', '/api/custom_templates/')],
  ['creatify.getTemplate.json', (emu) => cf(emu, 'GET', `/api/custom_templates/${CFT.testimonial}/`)],
  ['creatify.error.400.json', async (emu) => {
    const job = body<{ id: string }>(await cf(emu, 'POST', '/api/custom_template_jobs/preview_async/', { template_id: CFT.testimonial, variables: testimonialVariables }));
    return cf(emu, 'POST', `/api/custom_template_jobs/${job.id}/render/`, {});
  }],
];

describe('the emulator answers in the vendors\' documented shapes', () => {
  test.each(cases)('%s: same status, same keys, same types', async (file, answer) => {
    const expected = fixture(file);
    const emu = await emulator();
    const res = await answer(emu);
    expect(res.status).toBe(expected.status);
    expect(shapeDiff(expected.body, res.body, expected.specOnly)).toEqual([]);
  });

  test('the comparison itself notices a missing field, an extra field and a type change', () => {
    expect(shapeDiff({ a: 1, b: 'x' }, { a: '1', c: true })).toEqual([
      '(body).b: missing, vendor has it',
      '(body).c: extra, vendor has no such field',
      '(body).a: string, vendor number',
    ]);
    expect(shapeDiff([{ a: 1 }], [{ a: null }])).toEqual([]);
  });
});
