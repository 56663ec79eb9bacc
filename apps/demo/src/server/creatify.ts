// Creatify routes: templates, variable checks and credit estimates before anything is sent, the
// preview → approve → render flow, and a webhook receiver. Creatify signs nothing either, so its
// webhook URL carries the same reelkit token as Creatomate's, and the job is re-fetched
// (`confirmJobWebhook`) and must be the job that URL was made for.
import { randomUUID } from 'node:crypto';
import { linkSignals } from '@reelkit/core';
import {
  estimateJobCredits,
  validateVariables,
  vars,
  WebhookNotConfirmedError,
  WebhookPayloadError,
  type Creatify,
  type CreditOperation,
  type TemplateWithVariables,
} from '@reelkit/creatify';
import { signWebhookUrl, verifyWebhookUrl } from '@reelkit/renders/webhooks';
import { Hono, type Context } from 'hono';
import type { CreditEstimates, CustomTemplateJob, JobStage, JobView, ModelVersion, TemplateVariables } from '../shared/api.js';
import type { DemoContext } from './context.js';
import { DemoRequestError, errorAnswer } from './errors.js';
import { readJsonObject, recordOf } from './input.js';

const notConfigured = () =>
  new DemoRequestError(
    'Creatify is not configured on the demo server.',
    'Start the demo with CREATIFY_API_ID and CREATIFY_API_KEY set, or with no keys at all to use the embedded emulator.',
    503,
  );

const ORDER: Record<string, number> = { pending: 0, in_queue: 1, running: 2, done: 3, failed: 3, rejected: 3 };
/** A status the spec does not know yet (open enum) counts as in progress, after the known ones. */
const rank = (status: CustomTemplateJob['status']) => ORDER[status] ?? 2.5;

const need = (ctx: DemoContext): Creatify => {
  if (!ctx.creatify) throw notConfigured();
  return ctx.creatify;
};

const MAKERS = { text: vars.text, image: vars.image, video: vars.video, audio: vars.audio, avatar: vars.avatar, voiceover: vars.voiceover } as const;

/**
 * The page sends one text per variable; the package's constructors turn each into the variable of
 * the kind the template defines. Empty texts are left out (the template's default applies).
 */
function variablesFrom(template: TemplateWithVariables, values: Record<string, unknown>): TemplateVariables {
  const out: TemplateVariables = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const kind = Object.hasOwn(template.variables, name) ? template.variables[name]!.type : 'text';
    const make = Object.hasOwn(MAKERS, kind) ? MAKERS[kind as keyof typeof MAKERS] : vars.text;
    out[name] = make(value.trim());
  }
  return out;
}

function estimates(variables: TemplateVariables, model_version: ModelVersion | undefined, minimumSeconds: number): CreditEstimates {
  const of = (operation: CreditOperation) => estimateJobCredits({ variables, model_version }, { operation, minimumSeconds });
  return { preview: of('preview'), render: of('render'), create: of('create') };
}

/** Records a newer view of a job (statuses only move forward within a stage). */
function record(ctx: DemoContext, job: CustomTemplateJob, stage: JobStage, updated_by: JobView['updated_by']): void {
  const known = ctx.jobs.get(job.id);
  if (known && known.stage === stage && (stageOver(known) || rank(job.status) < rank(known.job.status))) return;
  if (known && known.stage === 'render' && stage === 'preview') return;
  const view: JobView = { job, stage, updated_by };
  ctx.jobs.set(job.id, view);
  ctx.events.publish({ type: 'job', view });
}

/** True when the stage is over: the preview is done, or the render has its video, or it failed. */
function stageOver(view: JobView): boolean {
  const { status, video_output } = view.job;
  return status === 'failed' || status === 'rejected' || (status === 'done' && (view.stage === 'preview' || video_output !== null));
}

/** Polls a job through a stage, unless a verified webhook ends the stage first (the poll is then stopped). */
function watchJob(ctx: DemoContext, creatify: Creatify, id: string, stage: JobStage): void {
  const stop = new AbortController();
  const linked = linkSignals(ctx.closing, stop.signal);
  ctx.polls.set(id, stop);
  creatify.jobs
    .waitFor(id, {
      interval: ctx.poll,
      throwOnFailure: false,
      requireVideo: stage === 'render',
      signal: linked.signal,
      onProgress: (job) => record(ctx, job, stage, 'poll'),
    })
    .then((job) => record(ctx, job, stage, 'poll'))
    .catch((error: unknown) => {
      if (!linked.signal.aborted) ctx.log(`polling job ${id} stopped: ${errorAnswer(error, 'Creatify').body.error.message}`);
    })
    .finally(() => {
      linked.dispose();
      if (ctx.polls.get(id) === stop) ctx.polls.delete(id);
    });
}

/**
 * The Creatify receiver. Creatify signs nothing: the URL carries reelkit's token, the job is
 * re-fetched (`confirmJobWebhook`) and must be the job the URL was made for.
 */
async function receiveWebhook(ctx: DemoContext, hookKeys: Map<string, string | null>, c: Context): Promise<Response> {
  const creatify = need(ctx);
  const check = await verifyWebhookUrl(c.req.url, ctx.secret);
  if (!check.valid || !hookKeys.has(check.renderKey)) {
    ctx.log(`refused a Creatify webhook (${check.valid ? 'unknown key' : check.reason}) from ${c.req.header('user-agent') ?? 'unknown agent'}`);
    return c.json({ error: 'not a webhook URL this server signed' }, 401);
  }
  let job: CustomTemplateJob;
  try {
    ({ job } = await creatify.confirmJobWebhook(await c.req.arrayBuffer()));
  } catch (error) {
    if (!(error instanceof WebhookPayloadError || error instanceof WebhookNotConfirmedError)) throw error;
    ctx.log(`refused a Creatify webhook for ${check.renderKey}: ${error.message}`);
    return c.json({ error: 'the delivery does not match the job' }, 400);
  }
  const expected = hookKeys.get(check.renderKey);
  if (expected && expected !== job.id) {
    ctx.log(`refused a Creatify webhook for ${check.renderKey}: it names job ${job.id}, not ${expected}`);
    return c.json({ error: 'the delivery names another job' }, 400);
  }
  // A fast preview's webhooks can arrive before the POST's own answer: the first one binds the key.
  hookKeys.set(check.renderKey, job.id);
  record(ctx, job, ctx.jobs.get(job.id)?.stage ?? 'preview', 'webhook');
  if (stageOver(ctx.jobs.get(job.id)!)) ctx.polls.get(job.id)?.abort();
  return c.json({ ok: true });
}

export function creatifyRoutes(ctx: DemoContext): Hono {
  const app = new Hono();
  /** Webhook key → the job id it was made for (known once the preview POST answers). */
  const hookKeys = new Map<string, string | null>();

  app.onError((error, c) => {
    const { status, body } = errorAnswer(error, 'Creatify');
    if (status >= 500) ctx.log(`creatify: ${body.error.message}`);
    return c.json(body, status);
  });

  app.get('/api/creatify/templates', async (c) => c.json(await need(ctx).templates.list()));
  app.get('/api/creatify/templates/:id', async (c) => c.json(await need(ctx).templates.get(c.req.param('id'))));

  app.post('/api/creatify/check', async (c) => {
    const body = await readJsonObject(c.req.raw);
    if (typeof body.template_id !== 'string') throw new DemoRequestError('template_id is missing.', 'Pick a template first.');
    const template = await need(ctx).templates.get(body.template_id);
    return c.json({ problems: validateVariables(template, variablesFrom(template, recordOf(body.values, 'values'))) });
  });

  // From the job input as the form holds it (spoken words, at least `minimumSeconds`), before anything is spent.
  app.post('/api/creatify/estimate', async (c) => {
    const body = await readJsonObject(c.req.raw);
    if (typeof body.template_id !== 'string') throw new DemoRequestError('template_id is missing.', 'Pick a template first.');
    const minimumSeconds = Number(body.minimumSeconds ?? 0);
    if (!Number.isFinite(minimumSeconds) || minimumSeconds < 0) throw new DemoRequestError('The minimum length must be a number of seconds, 0 or more.', 'Enter a length such as 30, or 0.');
    const template = await need(ctx).templates.get(body.template_id);
    return c.json(estimates(variablesFrom(template, recordOf(body.values, 'values')), body.model_version as ModelVersion | undefined, minimumSeconds));
  });

  app.post('/api/creatify/previews', async (c) => {
    const creatify = need(ctx);
    const body = await readJsonObject(c.req.raw);
    if (typeof body.template_id !== 'string') throw new DemoRequestError('template_id is missing.', 'Pick a template first.');
    const template = await creatify.templates.get(body.template_id);
    const key = randomUUID();
    const base = ctx.webhookBase();
    const webhook_url = base ? await signWebhookUrl(`${base}/hooks/creatify`, ctx.secret, key) : undefined;
    hookKeys.set(key, null);
    const job = await creatify.jobs.previewAsync(
      {
        template_id: body.template_id,
        variables: variablesFrom(template, recordOf(body.values, 'values')),
        ...(typeof body.model_version === 'string' ? { model_version: body.model_version as ModelVersion } : {}),
        ...(webhook_url ? { webhook_url } : {}),
      },
      { template },
    );
    if (hookKeys.get(key) === null) hookKeys.set(key, job.id);
    record(ctx, job, 'preview', 'create');
    watchJob(ctx, creatify, job.id, 'preview');
    return c.json(ctx.jobs.get(job.id), 201);
  });

  app.get('/api/creatify/jobs/:id', async (c) => {
    const id = c.req.param('id');
    return c.json(ctx.jobs.get(id) ?? { job: await need(ctx).jobs.get(id), stage: 'preview', updated_by: 'poll' });
  });

  // The person approved the preview: pay for the render.
  app.post('/api/creatify/jobs/:id/render', async (c) => {
    const creatify = need(ctx);
    const id = c.req.param('id');
    const known = ctx.jobs.get(id);
    if (!known || known.stage !== 'preview' || known.job.status !== 'done') {
      throw new DemoRequestError('This job has no finished preview to approve.', 'Wait for the preview to finish, then approve it.', 400);
    }
    const job = await creatify.jobs.render(id);
    record(ctx, job, 'render', 'create');
    watchJob(ctx, creatify, id, 'render');
    return c.json(ctx.jobs.get(id), 201);
  });

  app.post('/hooks/creatify', (c) => receiveWebhook(ctx, hookKeys, c));

  return app;
}
