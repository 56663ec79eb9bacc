import { describe, expect, test } from 'vitest';
import { operationSchemas as cmOps } from '@reelkit/core/creatomate';
import { operationSchemas as cfOps } from '@reelkit/core/creatify';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS as T, TIMINGS, type Emulator } from '../src/index.js';
import { cf, cm, emulator, testimonialVariables } from './helpers.js';

const C = TIMINGS.creatomate;
const F = TIMINGS.creatify;

async function createRender(emu: Emulator, body: object) {
  const res = await cm(emu, 'POST', '/renders', body);
  expect(res.status).toBe(202);
  return cmOps.createRender.response.parse(res.body);
}
async function render(emu: Emulator, id: string) {
  return cmOps.getRender.response.parse((await cm(emu, 'GET', `/renders/${id}`)).body);
}
async function job(emu: Emulator, id: string) {
  return cfOps.custom_template_jobs_retrieve.response.parse((await cf(emu, 'GET', `/api/custom_template_jobs/${id}/`)).body);
}

describe('Creatomate render lifecycle (manual clock)', () => {
  test('planned → transcribing → rendering → succeeded for a source with transcript_source, sized when done', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { template_id: T.storyPromo });
    const id = r!.id;
    expect((await render(emu, id)).status).toBe('planned');
    emu.clock.advance(C.planned - 1);
    expect((await render(emu, id)).status).toBe('planned');
    emu.clock.advance(1);
    expect((await render(emu, id)).status).toBe('transcribing');
    emu.clock.advance(C.transcribing);
    const rendering = await render(emu, id);
    expect(rendering.status).toBe('rendering');
    expect(rendering.file_size).toBeUndefined();
    emu.clock.advance(C.renderingVideoBase + 12 * C.renderingPerSecond);
    const done = await render(emu, id);
    expect(done).toMatchObject({ status: 'succeeded', width: 1080, height: 1920, frame_rate: 30, duration: 12, output_format: 'mp4' });
    expect(done.file_size).toBeGreaterThan(0);
    expect(done.error_message).toBeUndefined();
  });

  test('own transcripts skip the transcribing phase', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { template_id: T.storyPromo, transcripts: [{ time: 0, duration: 2, value: 'Hello' }] });
    emu.clock.advance(C.planned);
    expect((await render(emu, r!.id)).status).toBe('rendering');
  });

  test('a still skips transcribing and finishes after planned + rendering', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { template_id: T.productCard });
    emu.clock.advance(C.planned);
    expect((await render(emu, r!.id)).status).toBe('rendering');
    emu.clock.advance(C.renderingStill);
    expect(await render(emu, r!.id)).toMatchObject({ status: 'succeeded', width: 1200, height: 628, frame_rate: null, duration: null });
  });

  test('a source using an AI provider waits first', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, {
      source: { output_format: 'png', width: 100, height: 100, elements: [{ type: 'image', name: 'AI', provider: 'openai model=dall-e-3', source: 'a cat' }] },
    });
    emu.clock.advance(C.planned);
    expect((await render(emu, r!.id)).status).toBe('waiting');
    emu.clock.advance(C.waiting);
    expect((await render(emu, r!.id)).status).toBe('rendering');
  });

  test('an element named __fail__ makes the render fail with an error_message', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { template_id: T.alwaysFails });
    emu.clock.advance(60_000);
    const failed = await render(emu, r!.id);
    expect(failed.status).toBe('failed');
    expect(failed.error_message).toMatch(/__fail__/);
    expect(failed.file_size).toBeUndefined();
    expect((await fetch(failed.url!)).status).toBe(404);
  });

  test('an element named __fail__ inside a nested composition of an inline source fails the render too', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { source: { output_format: 'jpg', width: 10, height: 10, elements: [{ type: 'composition', elements: [{ type: 'shape', name: '__fail__' }] }] } });
    emu.clock.advance(60_000);
    expect((await render(emu, r!.id)).status).toBe('failed');
  });

  test('the output URL serves nothing until the render succeeds', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { template_id: T.quoteSquare });
    expect((await fetch(r!.url!)).status).toBe(404);
    emu.clock.advance(60_000);
    expect((await fetch(r!.url!)).status).toBe(200);
  });

  test('the admin clock endpoint advances the clock too', async () => {
    const emu = await emulator();
    const [r] = await createRender(emu, { template_id: T.quoteSquare });
    const res = await fetch(`${emu.url}/__emulator/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 60_000 }) });
    expect(res.status).toBe(200);
    expect((await render(emu, r!.id)).status).toBe('succeeded');
  });
});

describe('Creatify job lifecycle (manual clock)', () => {
  const path = '/api/custom_template_jobs/';
  const body = { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables };
  const running = F.runningRenderBase + 30 * F.runningPerSecond;

  test('create: pending → in_queue → running with rising progress → done with video_output', async () => {
    const emu = await emulator();
    const created = cfOps.custom_template_jobs_create.response.parse((await cf(emu, 'POST', path, body)).body);
    expect(created).toMatchObject({ status: 'pending', progress: 0, video_output: null, preview: null, credits_used: 5, duration: 30 });
    emu.clock.advance(F.pending);
    expect(await job(emu, created.id)).toMatchObject({ status: 'in_queue', progress: 0 });
    emu.clock.advance(F.inQueue);
    expect((await job(emu, created.id)).status).toBe('running');
    emu.clock.advance(running / 4);
    const p1 = (await job(emu, created.id)).progress;
    emu.clock.advance(running / 2);
    const p2 = (await job(emu, created.id)).progress;
    expect(p1).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(p1);
    expect(p2).toBeLessThan(1);
    emu.clock.advance(running / 4);
    const done = await job(emu, created.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, preview: null, failed_reason: null });
    expect(done.video_output).toBe(`${emu.url}/__emulator/files/jobs/${created.id}/video.mp4`);
    expect(done.media_job).toEqual(expect.any(String));
    expect(Date.parse(done.updated_at)).toBeGreaterThan(Date.parse(done.created_at));
  });

  test('preview_async → done with preview → render → pending … done with video_output; credits add up', async () => {
    const emu = await emulator();
    const created = cfOps.custom_template_jobs_preview_async_create.response.parse((await cf(emu, 'POST', `${path}preview_async/`, body)).body);
    expect(created).toMatchObject({ status: 'pending', credits_used: 1 });
    emu.clock.advance(F.pending + F.inQueue + F.runningPreview);
    const previewed = await job(emu, created.id);
    expect(previewed).toMatchObject({ status: 'done', video_output: null });
    expect(previewed.preview).toBe(`${emu.url}/__emulator/preview/${created.id}`);
    const page = await fetch(previewed.preview!);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain(`/__emulator/files/jobs/${created.id}/preview.mp4`);

    const rendering = cfOps.custom_template_jobs_render_create.response.parse((await cf(emu, 'POST', `${path}${created.id}/render/`, {})).body);
    expect(rendering).toMatchObject({ status: 'pending', progress: 0, credits_used: 1 + 4 });
    emu.clock.advance(F.pending + F.inQueue + running);
    const done = await job(emu, created.id);
    expect(done.status).toBe('done');
    expect(done.preview).toBe(previewed.preview);
    expect(done.video_output).toMatch(/video\.mp4$/);
  });

  test('sync preview/ answers with the preview already done', async () => {
    const emu = await emulator();
    const res = await cf(emu, 'POST', `${path}preview/`, body);
    const j = cfOps.custom_template_jobs_preview_create.response.parse(res.body);
    expect(j).toMatchObject({ status: 'done', progress: 1 });
    expect(j.preview).toMatch(/__emulator\/preview\//);
  });

  test.each([
    ['__fail__', 'failed'],
    ['__reject__', 'rejected'],
  ] as const)('a text variable %s ends the job %s with a failed_reason', async (content, status) => {
    const emu = await emulator();
    const created = cfOps.custom_template_jobs_create.response.parse(
      (await cf(emu, 'POST', path, { ...body, variables: { ...testimonialVariables, quote: { type: 'text', properties: { content } } } })).body,
    );
    emu.clock.advance(120_000);
    const end = await job(emu, created.id);
    expect(end.status).toBe(status);
    expect(end.failed_reason).toMatch(new RegExp(content));
    expect(end.video_output).toBeNull();
    expect(end.progress).toBeLessThan(1);
  });
});

test('an output beyond the emulator size limit fails the render instead of tying the process up', async () => {
  const emu = await emulator();
  const [r] = await createRender(emu, { template_id: T.storyPromo, render_scale: 5 });
  emu.clock.advance(120_000);
  const failed = await render(emu, r!.id);
  expect(failed.status).toBe('failed');
  expect(failed.error_message).toMatch(/5400×9600 exceeds the emulator's limit/);
});

test('a video made longer than the limit by its modifications fails the render with a clear message', async () => {
  const emu = await emulator();
  // The request itself declares 1 s (a declared 5 h is refused with a 400 before anything is queued).
  const [r] = await createRender(emu, {
    source: { output_format: 'mp4', width: 64, height: 36, frame_rate: 1, elements: [{ type: 'text', name: 'Long', text: 'long', duration: 1 }] },
    modifications: { 'Long.duration': 5 * 3600 },
  });
  emu.clock.advance(24 * 3600_000);
  const failed = await render(emu, r!.id);
  expect(failed.status).toBe('failed');
  expect(failed.error_message).toMatch(/18000 s exceeds the emulator's limit of 14400 s/);
});
