import { describe, expect, it } from 'vitest';
import { RequestValidationError, ServerError, type CallOptions } from '@reelkit/core';
import { JobFailedError, WebhookNotConfirmedError, WebhookPayloadError, type Creatify, type JobInput } from '../src/index.js';
import { harness, testimonialJob } from './helpers.js';

describe('composite calls pass every option through', () => {
  it('createAndWait hands `request` to every poll: maxRetries 0 turns a 502 on a poll into the error', async () => {
    const { emu, creatify, tick } = await harness({ maxRetries: 2 });
    emu.faults.add({ route: 'custom_template_jobs_retrieve', kind: '502', count: 1 });
    const err = await creatify.jobs.createAndWait(testimonialJob(), { onProgress: tick, request: { maxRetries: 0 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(emulatorJobCount(emu)).toBe(1);
  });

  it('previewThenRender hands `request` to its polls too', async () => {
    const { emu, creatify, tick } = await harness({ maxRetries: 2 });
    emu.faults.add({ route: 'custom_template_jobs_retrieve', kind: '502', count: 1 });
    const run = creatify.jobs.previewThenRender(testimonialJob(), { approve: () => true, onProgress: tick, request: { maxRetries: 0 } });
    await expect(run).rejects.toBeInstanceOf(ServerError);
  });
});

describe('malformed arguments are refused by name before any request', () => {
  const cases: { name: string; call: (c: Creatify) => Promise<unknown>; path: string }[] = [
    { name: 'jobs.get(undefined)', call: (c) => c.jobs.get(undefined as unknown as string), path: 'id' },
    { name: 'jobs.render(42)', call: (c) => c.jobs.render(42 as unknown as string), path: 'id' },
    { name: 'jobs.waitFor(null)', call: (c) => c.jobs.waitFor(null as unknown as string), path: 'id' },
    { name: 'templates.get({})', call: (c) => c.templates.get({} as unknown as string), path: 'template_id' },
    { name: 'templates.list(5)', call: (c) => c.templates.list(5 as unknown as CallOptions), path: 'options' },
    { name: 'jobs.create(null)', call: (c) => c.jobs.create(null as unknown as JobInput), path: 'body' },
    { name: 'jobs.createAndWait(undefined)', call: (c) => c.jobs.createAndWait(undefined as unknown as JobInput), path: 'body' },
    { name: 'jobs.create with a javascript: webhook_url', call: (c) => c.jobs.create({ ...testimonialJob(), webhook_url: 'javascript:alert(1)' }), path: 'body.webhook_url' },
    { name: 'jobs.create(input, "fast")', call: (c) => c.jobs.create(testimonialJob(), 'fast' as unknown as CallOptions), path: 'options' },
  ];
  it.each(cases)('$name → RequestValidationError naming $path', async ({ call, path }) => {
    const { creatify, sent } = await harness();
    const err = await call(creatify).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestValidationError);
    expect((err as RequestValidationError).issues.map((i) => i.path)).toContain(path);
    expect(sent).toEqual([]);
  });
});

describe('errors share their bases and field names with @reelkit/renders', () => {
  it('JobFailedError carries `reason`, with failed_reason and jobId as aliases', async () => {
    const { creatify, tick } = await harness();
    const err = await creatify.jobs.createAndWait(testimonialJob('__fail__'), { onProgress: tick }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    const failed = err as JobFailedError;
    expect(failed.reason).toEqual(expect.any(String));
    expect(failed.failed_reason).toBe(failed.reason);
    expect(failed.jobId).toBe(failed.job.id);
  });

  it('WebhookNotConfirmedError is a WebhookPayloadError, so one catch answers 400', async () => {
    const { creatify } = await harness();
    const err = await creatify.confirmJobWebhook({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: 'done' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookNotConfirmedError);
    expect(err).toBeInstanceOf(WebhookPayloadError);
  });
});

function emulatorJobCount(emu: { state(): { accounts: { jobs: unknown[] }[] } }): number {
  return emu.state().accounts.reduce((n, a) => n + a.jobs.length, 0);
}
