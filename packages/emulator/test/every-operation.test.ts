// One valid request per spec operation, driven by core's operation tables: when the spec gains an
// operation, this test fails until the emulator serves it (and a request for it is listed here).
import { expect, test } from 'vitest';
import { operationSchemas as cmOps } from '@reelkit/core/creatomate';
import { operationSchemas as cfOps } from '@reelkit/core/creatify';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS, type Emulator } from '../src/index.js';
import { cf, cm, emulator, testimonialVariables } from './helpers.js';

type Fixture = { renderId: string; jobId: string };
type Request = (emu: Emulator, f: Fixture) => { method: string; path: string; body?: unknown };

const creatomate: Record<keyof typeof cmOps, Request> = {
  listRenders: () => ({ method: 'GET', path: '/renders?limit=5' }),
  createRender: () => ({ method: 'POST', path: '/renders', body: { template_id: CREATOMATE_TEMPLATE_IDS.digestGif } }),
  getRender: (_e, f) => ({ method: 'GET', path: `/renders/${f.renderId}` }),
  deleteRender: (_e, f) => ({ method: 'DELETE', path: `/renders/${f.renderId}` }),
  listTemplates: () => ({ method: 'GET', path: '/templates?tags=social' }),
  getTemplate: () => ({ method: 'GET', path: `/templates/${CREATOMATE_TEMPLATE_IDS.storyPromo}` }),
};

const jobBody = { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables };
const creatify: Record<keyof typeof cfOps, Request> = {
  custom_template_jobs_create: () => ({ method: 'POST', path: '/api/custom_template_jobs/', body: jobBody }),
  custom_template_jobs_preview_create: () => ({ method: 'POST', path: '/api/custom_template_jobs/preview/', body: jobBody }),
  custom_template_jobs_preview_async_create: () => ({ method: 'POST', path: '/api/custom_template_jobs/preview_async/', body: jobBody }),
  custom_template_jobs_render_create: (_e, f) => ({ method: 'POST', path: `/api/custom_template_jobs/${f.jobId}/render/`, body: {} }),
  custom_template_jobs_retrieve: (_e, f) => ({ method: 'GET', path: `/api/custom_template_jobs/${f.jobId}/` }),
  custom_templates_list: () => ({ method: 'GET', path: '/api/custom_templates/' }),
  custom_templates_retrieve: () => ({ method: 'GET', path: `/api/custom_templates/${CREATIFY_TEMPLATE_IDS.productShowcase}/` }),
};

async function fixture(emu: Emulator): Promise<Fixture> {
  const [render] = cmOps.createRender.response.parse((await cm(emu, 'POST', '/renders', { template_id: CREATOMATE_TEMPLATE_IDS.quoteSquare })).body);
  const job = cfOps.custom_template_jobs_preview_create.response.parse((await cf(emu, 'POST', '/api/custom_template_jobs/preview/', jobBody)).body);
  return { renderId: render!.id, jobId: job.id };
}

test('every Creatomate operation of the spec answers its success status with a body its response schema accepts', async () => {
  expect(Object.keys(creatomate).sort()).toEqual(Object.keys(cmOps).sort());
  for (const [id, op] of Object.entries(cmOps)) {
    const emu = await emulator();
    const req = creatomate[id as keyof typeof cmOps](emu, await fixture(emu));
    expect(req.method, id).toBe(op.method);
    const res = await cm(emu, req.method, req.path, req.body);
    expect(res.status, id).toBe(op.successStatus);
    expect(op.response.safeParse(res.body).success, id).toBe(true);
    await emu.close();
  }
});

test('every Creatify operation of the spec answers its success status with a body its response schema accepts', async () => {
  expect(Object.keys(creatify).sort()).toEqual(Object.keys(cfOps).sort());
  for (const [id, op] of Object.entries(cfOps)) {
    const emu = await emulator();
    const req = creatify[id as keyof typeof cfOps](emu, await fixture(emu));
    expect(req.method, id).toBe(op.method);
    const res = await cf(emu, req.method, req.path, req.body);
    expect(res.status, id).toBe(op.successStatus);
    expect(op.response.safeParse(res.body).success, id).toBe(true);
    await emu.close();
  }
});

test('every answer, success or error, carries its own x-request-id', async () => {
  const emu = await emulator();
  const answers = [
    await cm(emu, 'GET', '/templates'),
    await cm(emu, 'GET', '/renders/not-a-uuid'),
    await cf(emu, 'GET', '/api/custom_templates/'),
    await cf(emu, 'GET', '/api/custom_templates/', undefined, null),
  ];
  const ids = answers.map((a) => a.headers.get('x-request-id'));
  expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 401]);
  for (const id of ids) expect(id).toMatch(/^emu_[0-9a-z]+$/);
  expect(new Set(ids).size).toBe(ids.length);
  await emu.close();
});
