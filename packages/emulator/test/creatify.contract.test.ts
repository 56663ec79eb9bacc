import { describe, expect, test } from 'vitest';
import { operationSchemas as ops, zDetailError, zValidationError } from '@reelkit/core/creatify';
import { CREATIFY_TEMPLATE_IDS as T, creatifyTemplates } from '../src/index.js';
import { cf, emulator, testimonialVariables } from './helpers.js';

const missingId = '00000000-0000-4000-8000-000000000000';
const jobsPath = '/api/custom_template_jobs/';


function expectDetail(res: { status: number; body: unknown }, status: number) {
  expect(res.status).toBe(status);
  return zDetailError.parse(res.body);
}
function expectValidation(res: { status: number; body: unknown }) {
  expect(res.status).toBe(400);
  return zValidationError.parse(res.body);
}

describe('Creatify auth', () => {
  test('401 {detail} when either header is missing or the key is not accepted', async () => {
    const emu = await emulator({ keys: ['good-key'] });
    expect(expectDetail(await cf(emu, 'GET', '/api/custom_templates/', undefined, null), 401).detail).toMatch(/not provided/);
    expectDetail(await cf(emu, 'GET', '/api/custom_templates/', undefined, { id: '', key: 'good-key' }), 401);
    expectDetail(await cf(emu, 'GET', '/api/custom_templates/', undefined, { id: 'id', key: 'bad' }), 401);
    expect((await cf(emu, 'GET', '/api/custom_templates/', undefined, { id: 'id', key: 'good-key' })).status).toBe(200);
  });
});

describe.each([
  ['custom_template_jobs_create', jobsPath],
  ['custom_template_jobs_preview_async_create', `${jobsPath}preview_async/`],
  ['custom_template_jobs_preview_create', `${jobsPath}preview/`],
] as const)('%s', (opId, path) => {
  const op = ops[opId];

  test('answers the spec status with a CustomTemplateJob', async () => {
    const emu = await emulator();
    const res = await cf(emu, 'POST', path, { template_id: T.testimonial, variables: testimonialVariables, name: 'Ada', webhook_url: null });
    expect(res.status).toBe(op.successStatus);
    const job = op.response.parse(res.body);
    expect(job).toMatchObject({ name: 'Ada', variables: testimonialVariables, duration: 30, model_version: 'standard', is_hidden: false, editor_url: null });
  });

  test.each([
    ['missing template_id and variables', {}, ['template_id', 'variables']],
    ['template_id not a uuid', { template_id: 'x', variables: {} }, ['template_id']],
    ['unknown template', { template_id: missingId, variables: {} }, ['template_id']],
    ['bad model_version', { template_id: T.testimonial, variables: testimonialVariables, model_version: 'turbo' }, ['model_version']],
    ['name over 255 characters', { template_id: T.testimonial, variables: testimonialVariables, name: 'n'.repeat(256) }, ['name']],
    ['webhook_url over 200 characters', { template_id: T.testimonial, variables: testimonialVariables, webhook_url: `https://e.com/${'a'.repeat(200)}` }, ['webhook_url']],
    ['a variable with a malformed value', { template_id: T.testimonial, variables: { ...testimonialVariables, quote: { type: 'text', properties: {} } } }, ['variables']],
    ['an unknown variable', { template_id: T.testimonial, variables: { ...testimonialVariables, extra: { type: 'text', properties: { content: 'x' } } } }, ['variables']],
    ['a missing required variable', { template_id: T.testimonial, variables: { quote: testimonialVariables.quote } }, ['variables']],
    ['a variable of the wrong type', { template_id: T.testimonial, variables: { ...testimonialVariables, voice: { type: 'audio', properties: { url: 'https://e.com/a.mp3' } } } }, ['variables']],
  ])('400 DRF field map for %s', async (_name, body, fields) => {
    const emu = await emulator();
    const err = expectValidation(await cf(emu, 'POST', path, body));
    expect(Array.isArray(err)).toBe(false);
    expect(Object.keys(err).sort()).toEqual([...fields].sort());
  });

  test('400 for malformed JSON and a non-object body; an empty body reports the required fields', async () => {
    const emu = await emulator();
    expect(Object.keys(expectValidation(await cf(emu, 'POST', path, ''))).sort()).toEqual(['template_id', 'variables']);
    expect(expectValidation(await cf(emu, 'POST', path, '{oops'))).toHaveProperty('detail');
    expectValidation(await cf(emu, 'POST', path, '"text"'));
  });
});

test('variable errors name the variable: unknown, missing and wrong type', async () => {
  const emu = await emulator();
  const err = expectValidation(await cf(emu, 'POST', jobsPath, {
    template_id: T.productShowcase,
    variables: { product_name: { type: 'image', properties: { url: 'https://e.com/x.png' } }, colour: { type: 'text', properties: { content: 'red' } } },
  })) as Record<string, string[]>;
  expect(err.variables).toEqual(expect.arrayContaining([
    expect.stringMatching(/^product_name: .*text in the template, got image/),
    expect.stringMatching(/^colour: unknown variable/),
    expect.stringMatching(/^product_image: required .* is missing/),
  ]));
});

describe('custom_template_jobs_render_create', () => {
  test('200 for a job whose preview is done; 400 (DRF list) before that and after rendering; 404 for unknown/malformed ids', async () => {
    const emu = await emulator();
    const job = ops.custom_template_jobs_preview_async_create.response.parse(
      (await cf(emu, 'POST', `${jobsPath}preview_async/`, { template_id: T.testimonial, variables: testimonialVariables })).body,
    );
    const early = expectValidation(await cf(emu, 'POST', `${jobsPath}${job.id}/render/`, {}));
    expect(Array.isArray(early)).toBe(true);
    emu.clock.advance(60_000);
    const res = await cf(emu, 'POST', `${jobsPath}${job.id}/render/`, {});
    expect(res.status).toBe(ops.custom_template_jobs_render_create.successStatus);
    expect(ops.custom_template_jobs_render_create.response.parse(res.body).status).toBe('pending');
    expectValidation(await cf(emu, 'POST', `${jobsPath}${job.id}/render/`));
    expectDetail(await cf(emu, 'POST', `${jobsPath}${missingId}/render/`, {}), 404);
    expectDetail(await cf(emu, 'POST', `${jobsPath}nope/render/`, {}), 404);
  });

  test('a job created to render directly cannot be rendered again', async () => {
    const emu = await emulator();
    const job = ops.custom_template_jobs_create.response.parse((await cf(emu, 'POST', jobsPath, { template_id: T.testimonial, variables: testimonialVariables })).body);
    emu.clock.advance(120_000);
    expectValidation(await cf(emu, 'POST', `${jobsPath}${job.id}/render/`, {}));
  });
});

describe('custom_template_jobs_retrieve', () => {
  test('200 with the job; 404 {detail} for unknown, malformed and other-key ids', async () => {
    const emu = await emulator();
    const job = ops.custom_template_jobs_create.response.parse((await cf(emu, 'POST', jobsPath, { template_id: T.testimonial, variables: testimonialVariables })).body);
    const res = await cf(emu, 'GET', `${jobsPath}${job.id}/`);
    expect(res.status).toBe(200);
    expect(ops.custom_template_jobs_retrieve.response.parse(res.body).id).toBe(job.id);
    expectDetail(await cf(emu, 'GET', `${jobsPath}${missingId}/`), 404);
    expectDetail(await cf(emu, 'GET', `${jobsPath}123/`), 404);
    expectDetail(await cf(emu, 'GET', `${jobsPath}${job.id}/`, undefined, { id: 'other', key: 'workspace' }), 404);
  });
});

describe('custom templates', () => {
  test('list is a plain array of CustomTemplate without variables', async () => {
    const emu = await emulator();
    const list = ops.custom_templates_list.response.parse((await cf(emu, 'GET', '/api/custom_templates/')).body);
    expect(list.map((t) => t.template_id).sort()).toEqual(Object.values(T).sort());
    for (const t of list) expect(t).not.toHaveProperty('variables');
  });

  test('retrieve has the variable definitions; 404 for unknown and malformed ids', async () => {
    const emu = await emulator();
    const res = await cf(emu, 'GET', `/api/custom_templates/${T.productShowcase}/`);
    const t = ops.custom_templates_retrieve.response.parse(res.body);
    expect(t.variables).toEqual(creatifyTemplates[0]!.variables);
    expect(t).not.toHaveProperty('video_duration');
    expectDetail(await cf(emu, 'GET', `/api/custom_templates/${missingId}/`), 404);
    expectDetail(await cf(emu, 'GET', '/api/custom_templates/abc/'), 404);
  });
});

test('unknown Creatify paths answer {detail} 404', async () => {
  const emu = await emulator();
  expectDetail(await cf(emu, 'GET', '/api/custom_template_jobs'), 404);
  expectDetail(await cf(emu, 'GET', '/api/nothing/'), 404);
});

test('413 {detail} for a Creatify body over the limit', async () => {
  const emu = await emulator({ bodyLimit: 512 });
  const res = await cf(emu, 'POST', jobsPath, { template_id: T.testimonial, variables: testimonialVariables, name: 'n'.repeat(600) });
  expectDetail(res, 413);
});
