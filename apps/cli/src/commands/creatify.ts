// `reelkit creatify …`: @reelkit/creatify templates, jobs and its credit estimates. The paid POSTs
// (create, preview, render) are sent once by the package; here they are only estimated and confirmed.
import { AbortError } from '@reelkit/core';
import {
  createCreatify,
  estimateCredits,
  estimateJobCredits,
  vars,
  type CreditOperation,
  type CustomTemplateDetail,
  type CustomTemplateJob,
  type JobInput,
  type ModelVersion,
  type TemplateVariable,
} from '@reelkit/creatify';
import { createInterface } from 'node:readline/promises';
import { parseAssignments, parseSeconds, readJsonObject, uuid } from '../args.js';
import type { Context } from '../context.js';
import { ExitWith, NotConfirmedError, RemoteFailureError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { createProgress } from '../progress.js';

const { audio, avatar, image, text, video, voiceover } = vars;

const api = (ctx: Context) => createCreatify(ctx.creatify());

const JOB_HEAD = ['id', 'status', 'progress', 'credits', 'output / reason'];
const jobRow = (j: CustomTemplateJob) => [j.id, j.status, j.progress, j.credits_used, j.video_output ?? j.preview ?? j.failed_reason ?? ''];
const showJob = (ctx: Context, job: CustomTemplateJob) => {
  ctx.out.data(job);
  ctx.out.table(JOB_HEAD, [jobRow(job)]);
};

export async function templatesList(ctx: Context): Promise<void> {
  const list = await api(ctx).templates.list({ signal: ctx.signal });
  ctx.out.data(list);
  ctx.out.table(['template_id', 'name', 'aspect ratio'], list.map((t) => [t.template_id, t.name, t.aspect_ratio]));
}

export async function templatesGet(ctx: Context, id: string): Promise<void> {
  const t = await api(ctx).templates.get(uuid('<id>', id), { signal: ctx.signal });
  ctx.out.data(t);
  ctx.out.line(`${ctx.out.bold(t.name)} (${t.template_id}, ${t.aspect_ratio})`);
  ctx.out.table(['variable', 'type', 'required', 'default'], Object.entries(t.variables).map(([name, v]) => [name, v.type, v.required ? 'yes' : '', v.default ?? '']));
}

/** `--var name=value` typed from the template's definition, so `--var photo=https://…` becomes an image. */
function typedVariable(name: string, value: string, kind: string | undefined): TemplateVariable {
  switch (kind) {
    case undefined:
    case 'text':
      return text(value);
    case 'image':
      return image(value);
    case 'video':
      return video(value);
    case 'audio':
      return audio(value);
    case 'avatar':
      return avatar(value);
    case 'voiceover':
      return voiceover(value);
    default:
      throw new UsageError(`--var ${name}: the template's variable is of kind "${kind}", which --var cannot type; give it in --var-json as { "type": "${kind}", "properties": { … } }`);
  }
}

interface JobOpts {
  template: string;
  var?: string[];
  varJson?: string;
  model?: ModelVersion;
  webhook?: string;
  name?: string;
  maxCredits?: number;
  wordsPerSecond?: number;
  media?: string[];
  yes?: boolean;
}

/** The job input from the options; the template is fetched (free) to type `--var` and to check the variables before sending. */
async function jobInput(ctx: Context, opts: Omit<JobOpts, 'maxCredits' | 'yes'>): Promise<{ input: JobInput; template: CustomTemplateDetail }> {
  const template_id = uuid('--template', opts.template);
  const template = await api(ctx).templates.get(template_id, { signal: ctx.signal });
  const variables: JobInput['variables'] = opts.varJson ? (readJsonObject('--var-json', opts.varJson) as JobInput['variables']) : {};
  for (const [name, value] of Object.entries(parseAssignments('--var', opts.var))) {
    variables[name] = typedVariable(name, value, template.variables[name]?.type);
  }
  const input: JobInput = {
    template_id,
    variables,
    ...(opts.model ? { model_version: opts.model } : {}),
    ...(opts.webhook ? { webhook_url: opts.webhook } : {}),
    ...(opts.name ? { name: opts.name } : {}),
  };
  return { input, template };
}

function estimateFor(input: JobInput, operation: CreditOperation, opts: Pick<JobOpts, 'wordsPerSecond' | 'media' | 'model'>) {
  return estimateJobCredits(input, {
    operation,
    model_version: opts.model,
    wordsPerSecond: opts.wordsPerSecond,
    mediaSeconds: parseSeconds('--media', opts.media),
  });
}

/** Above --max-credits: ask on a terminal, refuse otherwise (nothing is sent). */
async function confirmSpend(ctx: Context, credits: number, assumption: string, opts: JobOpts): Promise<void> {
  if (opts.maxCredits === undefined || credits <= opts.maxCredits || opts.yes) return;
  const message = `The estimate is ${credits} credits, above --max-credits ${opts.maxCredits} (${assumption}).`;
  if (!ctx.out.tty || !process.stdin.isTTY || ctx.out.json) throw new NotConfirmedError(`${message} Not sent: pass --yes or raise --max-credits.`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${message} Spend it? [y/N] `, { signal: ctx.signal });
    if (!/^y(es)?$/i.test(answer.trim())) throw new NotConfirmedError('Not sent.');
  } catch (error) {
    if (error instanceof NotConfirmedError) throw error;
    throw new NotConfirmedError('Not sent.', { cause: error });
  } finally {
    rl.close();
  }
}

async function waitForJob(ctx: Context, id: string, requireVideo: boolean): Promise<CustomTemplateJob> {
  const progress = await createProgress(ctx.out, 'job', [id]);
  try {
    const job = await api(ctx).jobs.waitFor(id, {
      signal: ctx.signal,
      throwOnFailure: false,
      requireVideo,
      onProgress: (j) => progress.update(j.id, j.status, typeof j.progress === 'number' ? `${Math.round(j.progress <= 1 ? j.progress * 100 : j.progress)}%` : undefined),
    });
    progress.done(id, job.status === 'done', job.status === 'done' ? `done ${job.video_output ?? job.preview ?? ''}`.trim() : `${job.status}: ${job.failed_reason ?? 'no reason'}`);
    await progress.close();
    return job;
  } catch (error) {
    await progress.close();
    if (error instanceof AbortError && ctx.signal.aborted) {
      throw new ExitWith(EXIT.interrupted, `Stopped waiting. The job keeps running at Creatify; wait for it again with:\n  reelkit creatify jobs wait ${id}`);
    }
    throw error;
  }
}

function finishJob(ctx: Context, job: CustomTemplateJob): void {
  showJob(ctx, job);
  if (job.status === 'failed' || job.status === 'rejected') throw new RemoteFailureError(`Job ${job.id} ${job.status}: ${job.failed_reason ?? 'no reason given'}`);
}

export async function jobsCreate(ctx: Context, opts: JobOpts & { wait?: boolean }): Promise<void> {
  const { input, template } = await jobInput(ctx, opts);
  const estimate = estimateFor(input, 'create', opts);
  if (!ctx.out.json) ctx.out.note(`estimate: ${estimate.credits} credits (${estimate.assumption.text})`);
  await confirmSpend(ctx, estimate.credits, estimate.assumption.text, opts);
  const job = await api(ctx).jobs.create(input, { template, signal: ctx.signal });
  if (!opts.wait) return showJob(ctx, job);
  finishJob(ctx, await waitForJob(ctx, job.id, true));
}

export async function jobsPreview(ctx: Context, opts: JobOpts & { async?: boolean }): Promise<void> {
  const { input, template } = await jobInput(ctx, opts);
  const estimate = estimateFor(input, 'preview', opts);
  if (!ctx.out.json) ctx.out.note(`estimate: ${estimate.credits} credits (${estimate.assumption.text})`);
  await confirmSpend(ctx, estimate.credits, estimate.assumption.text, opts);
  const jobs = api(ctx).jobs;
  const job = opts.async ? await jobs.previewAsync(input, { template, signal: ctx.signal }) : await jobs.preview(input, { template, signal: ctx.signal });
  showJob(ctx, job);
}

export async function jobsRender(ctx: Context, id: string, opts: { wait?: boolean }): Promise<void> {
  const job = await api(ctx).jobs.render(uuid('<id>', id), { signal: ctx.signal });
  if (!opts.wait) return showJob(ctx, job);
  finishJob(ctx, await waitForJob(ctx, job.id, true));
}

export async function jobsGet(ctx: Context, id: string): Promise<void> {
  showJob(ctx, await api(ctx).jobs.get(uuid('<id>', id), { signal: ctx.signal }));
}

export async function jobsWait(ctx: Context, id: string): Promise<void> {
  finishJob(ctx, await waitForJob(ctx, uuid('<id>', id), false));
}

export async function estimate(
  ctx: Context,
  opts: { template?: string; seconds?: number; var?: string[]; varJson?: string; model: ModelVersion; operation: CreditOperation; wordsPerSecond?: number; media?: string[] },
): Promise<void> {
  if ((opts.template === undefined) === (opts.seconds === undefined)) throw new UsageError('creatify estimate needs exactly one of --template <id> (with --var) or --seconds <n>');
  const result =
    opts.seconds !== undefined
      ? { ...estimateCredits({ operation: opts.operation, model_version: opts.model, durationSeconds: opts.seconds }), assumption: { text: `a ${opts.seconds} s video (given)` } }
      : estimateFor((await jobInput(ctx, { ...opts, template: opts.template! })).input, opts.operation, opts);
  ctx.out.data(result);
  ctx.out.line(`${ctx.out.bold(String(result.credits))} credits for ${result.operation} with ${result.model_version}`);
  ctx.out.line(`  assuming ${result.assumption.text}`);
  ctx.out.line(`  price ${result.price.credits} per ${result.price.perSeconds} s${result.price.assumed ? ' (assumed: Creatify publishes none)' : ''}; ${result.rule}`);
}
