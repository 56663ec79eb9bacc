// Creating and rendering spend credits: a POST whose outcome is unknown must never be sent twice,
// while the free GETs of waiting may be retried.
import { describe, expect, it } from 'vitest';
import { ConnectionError, ResponseValidationError } from '@reelkit/core';
import { estimateCredits } from '../src/index.js';
import { emulatorJobs, harness, testimonialJob } from './helpers.js';

describe('money safety', () => {
  it('a create whose connection drops after the server committed it is sent once and surfaces maybeSubmitted', async () => {
    const { emu, creatify, sent, tick } = await harness({ maxRetries: 2 });
    emu.faults.add({ route: 'custom_template_jobs_create', kind: 'drop', count: 1 });
    const err = await creatify.jobs.createAndWait(testimonialJob(), { onProgress: tick }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).maybeSubmitted).toBe(true);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(emulatorJobs(emu)).toHaveLength(1);
  });

  it('a create answered 201 with a cut-off body is sent once, creates one job and surfaces maybeSubmitted', async () => {
    const { emu, creatify, sent, tick } = await harness({ maxRetries: 2 });
    emu.faults.add({ route: 'custom_template_jobs_create', kind: 'truncated', count: 1 });
    const err = await creatify.jobs.createAndWait(testimonialJob(), { onProgress: tick }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).maybeSubmitted).toBe(true);
    expect(sent.map((r) => r.method)).toEqual(['POST']);
    expect(emulatorJobs(emu)).toHaveLength(1);
  });

  it('a render whose connection drops is sent once; previewThenRender surfaces it and bills one render', async () => {
    const { emu, creatify, sent, tick } = await harness({ maxRetries: 2 });
    emu.faults.add({ route: 'custom_template_jobs_render_create', kind: 'drop', count: 1 });
    const err = await creatify.jobs.previewThenRender(testimonialJob(), { approve: () => true, onProgress: tick }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).maybeSubmitted).toBe(true);
    expect(sent.filter((r) => r.url.endsWith('/render/'))).toHaveLength(1);
    const [job] = emulatorJobs(emu);
    // The render was committed: the job can be waited for without rendering again.
    const done = await creatify.jobs.waitFor(job!.id, { onProgress: tick, requireVideo: true });
    expect(done.video_output).not.toBeNull();
    expect(sent.filter((r) => r.url.endsWith('/render/'))).toHaveLength(1);
    const preview = estimateCredits({ operation: 'preview', durationSeconds: done.duration }).credits;
    const render = estimateCredits({ operation: 'render', durationSeconds: done.duration }).credits;
    expect(done.credits_used).toBe(preview + render);
  });

  it('a failing GET while waiting is retried and the wait still finishes', async () => {
    const { emu, creatify, tick } = await harness({ maxRetries: 2 });
    const created = await creatify.jobs.create(testimonialJob());
    emu.faults.add({ route: 'custom_template_jobs_retrieve', kind: '502', count: 2 });
    const done = await creatify.jobs.waitFor(created.id, { onProgress: tick });
    expect(done.status).toBe('done');
    expect(emu.faults.list()[0]?.fired).toBe(2);
  });
});
