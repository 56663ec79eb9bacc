import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  createCreatifyClient,
  NotFoundError,
  ReelkitError,
  RequestValidationError,
  TimeoutError,
} from '@reelkit/core';
import { startEmulator } from '@reelkit/emulator';
import { creatifyTemplates } from '@reelkit/emulator/fixtures';
import { createCreatify, estimateCredits, JobFailedError, VariablesError, vars, type CustomTemplateJob, type JobStatus } from '../src/index.js';

const { image, text } = vars;
import { CREDS, harness, sampleVariable, testimonial, testimonialJob } from './helpers.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('templates', () => {
  it('list() returns every seed template', async () => {
    const { creatify } = await harness();
    const list = await creatify.templates.list();
    expect(list.map((t) => t.template_id).sort()).toEqual(creatifyTemplates.map((t) => t.template_id).sort());
  });

  it('get(template_id) returns the variable definitions', async () => {
    const { creatify } = await harness();
    for (const seed of creatifyTemplates) {
      const detail = await creatify.templates.get(seed.template_id);
      expect(detail.name).toBe(seed.name);
      expect(detail.variables).toEqual(seed.variables);
    }
  });

  it('get() of an unknown template is a NotFoundError', async () => {
    const { creatify } = await harness();
    await expect(creatify.templates.get(MISSING)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('auth', () => {
  it('sends both X-API-ID and X-API-KEY on every request; the emulator refuses a request missing either', async () => {
    const { emu, creatify, sent } = await harness();
    await creatify.templates.list();
    const job = await creatify.jobs.create(testimonialJob());
    await creatify.jobs.get(job.id);
    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.headers.get('x-api-id')).toBe(CREDS.apiId);
      expect(request.headers.get('x-api-key')).toBe(CREDS.apiKey);
    }
    const halves: Record<string, string>[] = [{ 'x-api-id': CREDS.apiId }, { 'x-api-key': CREDS.apiKey }];
    for (const only of halves) {
      const res = await fetch(`${emu.creatifyUrl}/api/custom_templates/`, { headers: only });
      expect(res.status).toBe(401);
    }
  });

  it('a 401 surfaces as AuthenticationError without the key in its message', async () => {
    const strict = await startEmulator({ port: 0, clock: 'manual', keys: ['only-this-key'] });
    try {
      const client = createCreatifyClient({ apiId: 'id', apiKey: 'wrong-secret-key', baseUrl: strict.creatifyUrl, maxRetries: 0, logLevel: 'off' });
      const err = await createCreatify(client).templates.list().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthenticationError);
      expect(String(err)).not.toContain('wrong-secret-key');
      expect(JSON.stringify(err)).not.toContain('wrong-secret-key');
    } finally {
      await strict.close();
    }
  });
});

describe('jobs: direct create', () => {
  it('create → waitFor walks pending → in_queue → running → done and ends with video_output', async () => {
    const { creatify, tick } = await harness();
    const created = await creatify.jobs.create(testimonialJob('It just works.', { name: 'Ada testimonial' }));
    expect(created).toMatchObject({ status: 'pending', name: 'Ada testimonial', video_output: null, duration: testimonial.video_duration });

    const seen: JobStatus[] = [];
    const done = await creatify.jobs.waitFor(created.id, {
      onProgress: (job) => {
        if (seen.at(-1) !== job.status) seen.push(job.status);
        tick();
      },
    });
    expect(seen).toEqual(['pending', 'in_queue', 'running', 'done']);
    expect(done.status).toBe('done');
    expect(done.video_output).toMatch(/^http/);
    expect(done.progress).toBe(1);
    expect(await creatify.jobs.get(created.id)).toEqual(done);
  });

  it('createAndWait returns the finished job', async () => {
    const { creatify, tick } = await harness();
    const job = await creatify.jobs.createAndWait(testimonialJob(), { onProgress: tick });
    expect(job.status).toBe('done');
    expect(job.video_output).not.toBeNull();
  });

  it('get() of an unknown job is a NotFoundError', async () => {
    const { creatify } = await harness();
    await expect(creatify.jobs.get(MISSING)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('jobs: preview then render', () => {
  it('preview() is synchronous: the job comes back done with a preview URL', async () => {
    const { creatify } = await harness();
    const job = await creatify.jobs.preview(testimonialJob());
    expect(job.status).toBe('done');
    expect(job.preview).toMatch(/^http/);
    expect(job.video_output).toBeNull();
  });

  it('previewAsync → waitFor → render → waitFor ends with both preview and video_output', async () => {
    const { creatify, tick } = await harness();
    const started = await creatify.jobs.previewAsync(testimonialJob());
    expect(started.status).toBe('pending');
    const previewed = await creatify.jobs.waitFor(started.id, { onProgress: tick });
    expect(previewed).toMatchObject({ status: 'done', video_output: null });
    expect(previewed.preview).not.toBeNull();

    await creatify.jobs.render(started.id);
    const seen: JobStatus[] = [];
    const rendered = await creatify.jobs.waitFor(started.id, {
      requireVideo: true,
      onProgress: (job) => {
        if (seen.at(-1) !== job.status) seen.push(job.status);
        tick();
      },
    });
    expect(seen.at(-1)).toBe('done');
    expect(seen).toContain('running');
    expect(rendered.video_output).toMatch(/^http/);
    expect(rendered.preview).toBe(previewed.preview);
  });

  it('render() of a job without a finished preview is refused by the API (BadRequestError), and nothing is resent', async () => {
    const { creatify, sent } = await harness();
    const created = await creatify.jobs.create(testimonialJob());
    const before = sent.length;
    await expect(creatify.jobs.render(created.id)).rejects.toBeInstanceOf(BadRequestError);
    expect(sent.length - before).toBe(1);
  });

  it('previewThenRender renders once the caller approves the preview', async () => {
    const { creatify, tick } = await harness();
    const stages: string[] = [];
    const approved: CustomTemplateJob[] = [];
    const result = await creatify.jobs.previewThenRender(testimonialJob(), {
      approve: async (job) => {
        approved.push(job);
        return Promise.resolve(true);
      },
      onProgress: (_job, stage) => {
        if (stages.at(-1) !== stage) stages.push(stage);
        tick();
      },
    });
    expect(stages).toEqual(['preview', 'render']);
    expect(approved).toHaveLength(1);
    expect(approved[0]?.preview).not.toBeNull();
    if (!result.approved) throw new Error('expected an approved result');
    expect(result.job.status).toBe('done');
    expect(result.job.video_output).not.toBeNull();
  });

  it('previewThenRender does not render (or spend render credits) when the caller declines', async () => {
    const { creatify, tick, sent } = await harness();
    const result = await creatify.jobs.previewThenRender(testimonialJob(), { approve: () => false, onProgress: tick });
    expect(result.approved).toBe(false);
    expect(sent.filter((r) => r.url.includes('/render/'))).toEqual([]);
    const job = await creatify.jobs.get(result.preview.id);
    expect(job.video_output).toBeNull();
    expect(job.credits_used).toBe(estimateCredits({ operation: 'preview', durationSeconds: job.duration }).credits);
  });
});

describe('waitFor: failures and control', () => {
  it.each([
    ['__fail__', 'failed'],
    ['__reject__', 'rejected'],
  ] as const)('a job with %s ends %s and throws JobFailedError with failed_reason', async (marker, status) => {
    const { creatify, tick } = await harness();
    const created = await creatify.jobs.create(testimonialJob(marker));
    const seen: JobStatus[] = [];
    const err = await creatify.jobs
      .waitFor(created.id, {
        onProgress: (job) => {
          if (seen.at(-1) !== job.status) seen.push(job.status);
          tick();
        },
      })
      .catch((e: unknown) => e);
    expect(seen).toEqual(['pending', 'in_queue', 'running', status]);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toBeInstanceOf(ReelkitError);
    const failure = err as JobFailedError;
    expect(failure.status).toBe(status);
    expect(failure.jobId).toBe(created.id);
    expect(failure.failed_reason).toMatch(marker);
    expect(failure.message).toContain(failure.failed_reason);
  });

  it('throwOnFailure: false returns the rejected job instead of throwing', async () => {
    const { creatify, tick } = await harness();
    const job = await creatify.jobs.createAndWait(testimonialJob('__reject__'), { onProgress: tick, throwOnFailure: false });
    expect(job.status).toBe('rejected');
    expect(job.failed_reason).toBeTruthy();
  });

  it('a failed preview stops previewThenRender before approve is asked', async () => {
    const { creatify, tick } = await harness();
    let asked = false;
    const err = await creatify.jobs
      .previewThenRender(testimonialJob('__fail__'), {
        approve: () => (asked = true),
        onProgress: tick,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(asked).toBe(false);
  });

  it('stops with AbortError when the signal fires', async () => {
    const { creatify } = await harness();
    const created = await creatify.jobs.create(testimonialJob());
    const controller = new AbortController();
    let polls = 0;
    const err = await creatify.jobs
      .waitFor(created.id, {
        signal: controller.signal,
        onProgress: () => {
          if (++polls === 2) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
  });

  it('previewThenRender aborted while approve runs throws core\'s AbortError and renders nothing', async () => {
    const { creatify, tick, sent } = await harness();
    const controller = new AbortController();
    const reason = new Error('user closed the page');
    const err = await creatify.jobs
      .previewThenRender(testimonialJob(), {
        signal: controller.signal,
        onProgress: tick,
        approve: () => {
          controller.abort(reason);
          return true;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(err).toBeInstanceOf(ReelkitError);
    expect((err as AbortError).cause).toBe(reason);
    expect((err as AbortError).maybeSubmitted).toBe(false);
    expect(sent.filter((r) => r.url.includes('/render/'))).toEqual([]);
  });

  it('stops with TimeoutError after deadlineMs while the job stays pending', async () => {
    const { creatify } = await harness();
    const created = await creatify.jobs.create(testimonialJob());
    await expect(creatify.jobs.waitFor(created.id, { deadlineMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('checks before the network', () => {
  it('refuses inputs that break a spec limit, naming the field, without sending anything', async () => {
    const { creatify, sent } = await harness();
    const cases: [Parameters<typeof creatify.jobs.create>[0], string][] = [
      [testimonialJob('x', { name: 'n'.repeat(256) }), 'body.name'],
      [testimonialJob('x', { webhook_url: `https://hooks.example.com/${'a'.repeat(200)}` }), 'body.webhook_url'],
      [testimonialJob('x', { webhook_url: 'not a url' }), 'body.webhook_url'],
      [{ ...testimonialJob(), template_id: 'testimonial' }, 'body.template_id'],
      [{ ...testimonialJob(), variables: {} }, 'body.variables'],
    ];
    for (const [input, path] of cases) {
      const { create, preview, previewAsync } = creatify.jobs;
      for (const call of [create, preview, previewAsync]) {
        const err = await call(input).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(RequestValidationError);
        expect(new Set((err as RequestValidationError).issues.map((i) => i.path))).toEqual(new Set([path]));
      }
    }
    expect(sent).toEqual([]);
  });

  it('with { template }, refuses variables that do not fit it, without sending anything', async () => {
    const { creatify, sent } = await harness();
    const input = testimonialJob();
    input.variables = { ...input.variables, quot: text('typo'), voice: image('https://cdn.example.com/a.png') };
    const err = await creatify.jobs.create(input, { template: testimonial }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VariablesError);
    expect(err).toBeInstanceOf(RequestValidationError);
    const problems = (err as VariablesError).problems.map((p) => [p.name, p.reason, p.suggestion]);
    expect(problems).toEqual([
      ['voice', 'wrong_type', undefined],
      ['quot', 'unknown_variable', 'quote'],
    ]);
    expect(sent).toEqual([]);
  });

  it('without { template }, the API itself rejects variables that do not fit (BadRequestError naming variables)', async () => {
    const { creatify } = await harness();
    const input = testimonialJob();
    input.variables = { ...input.variables, quot: text('typo') };
    const err = await creatify.jobs.create(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).fieldErrors).toHaveProperty('variables');
  });
});

describe('estimateCredits against credits_used of finished jobs', () => {
  const models = ['standard', 'aurora_v1', 'aurora_v1_fast'] as const;

  it.each(creatifyTemplates.map((t) => [t.name, t] as const))('direct create on %s, every model', async (_name, seed) => {
    const { creatify, tick } = await harness();
    const variables = Object.fromEntries(
      Object.entries(seed.variables)
        .filter(([, d]) => d.required)
        .map(([name, d]) => [name, sampleVariable(d.type)]),
    );
    for (const model_version of models) {
      const job = await creatify.jobs.createAndWait({ template_id: seed.template_id, variables, model_version }, { onProgress: tick, template: seed });
      expect(job.duration).toBe(seed.video_duration);
      expect(job.credits_used, model_version).toBe(estimateCredits({ operation: 'create', model_version, durationSeconds: job.duration }).credits);
    }
  });

  it.each(models)('preview + render with %s', async (model_version) => {
    const { creatify, tick } = await harness();
    const result = await creatify.jobs.previewThenRender(testimonialJob('ok', { model_version }), { approve: () => true, onProgress: tick });
    if (!result.approved) throw new Error('expected an approved result');
    const durationSeconds = result.job.duration;
    const preview = estimateCredits({ operation: 'preview', model_version, durationSeconds }).credits;
    const render = estimateCredits({ operation: 'render', model_version, durationSeconds }).credits;
    expect(result.preview.credits_used).toBe(preview);
    expect(result.job.credits_used).toBe(preview + render);
  });
});

