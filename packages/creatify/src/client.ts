// createCreatify(client): templates and custom template jobs on a @reelkit/core Creatify client.
//
// Money safety: create, preview, previewAsync and render are POSTs that spend credits. They are
// sent once; nothing here resubmits one whose outcome is unknown (core marks such errors
// `maybeSubmitted`). The flows built on them (createAndWait, previewThenRender) only re-GET.
import { AbortError, NotFoundError, poll, ResponseValidationError, type CreatifyClient, type PollInterval, type WithResponse } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import { JobFailedError, jobInputError, VariablesError, WebhookNotConfirmedError } from './errors.js';
import { checkJobInput, isUuid, type JobInput } from './input.js';
import { isTerminalStatus, type JobStatus } from './status.js';
import { validateVariables, type TemplateWithVariables } from './variables.js';
import { parseJobWebhook, type JobWebhook } from './webhooks.js';

type Schemas = components['schemas'];
export type CustomTemplateJob = Schemas['CustomTemplateJob'];
export type CustomTemplate = Schemas['CustomTemplate'];
export type CustomTemplateDetail = Schemas['CustomTemplateDetail'];

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Per-request timeout (core's default applies when absent). */
  timeoutMs?: number | undefined;
}

export interface SubmitOptions extends CallOptions {
  /**
   * The template (from `templates.get`, or a seed template) to check `variables` against before
   * sending; problems throw `VariablesError` and nothing is sent or billed.
   */
  template?: TemplateWithVariables | undefined;
}

export interface WaitOptions {
  signal?: AbortSignal | undefined;
  /** Give up after this long (core's `TimeoutError`); the job keeps running at Creatify. */
  timeoutMs?: number | undefined;
  /** Called with the job on every poll. */
  onProgress?: ((job: CustomTemplateJob) => void) | undefined;
  interval?: PollInterval | undefined;
  /** Throw `JobFailedError` on `failed`/`rejected` (default). `false` returns the job instead. */
  throwOnFailure?: boolean | undefined;
  /**
   * Count `done` as final only once `video_output` is set. Use it after `render(id)`: Creatify does
   * not document whether a previewed job leaves `done` as soon as the render is accepted.
   */
  requireVideo?: boolean | undefined;
}

export type Stage = 'preview' | 'render';

export interface PreviewThenRenderOptions extends Omit<WaitOptions, 'onProgress' | 'requireVideo' | 'throwOnFailure'> {
  /** Decides, from the finished preview (`job.preview` is its URL), whether to pay for the render. */
  approve: (job: CustomTemplateJob) => boolean | Promise<boolean>;
  onProgress?: ((job: CustomTemplateJob, stage: Stage) => void) | undefined;
  /** See `SubmitOptions.template`. */
  template?: TemplateWithVariables | undefined;
}

export type PreviewThenRenderResult =
  | { approved: true; preview: CustomTemplateJob; job: CustomTemplateJob }
  | { approved: false; preview: CustomTemplateJob };

export interface CreatifyOptions {
  /** Default polling interval of `waitFor` and the flows built on it (core's default otherwise). */
  interval?: PollInterval;
}

// eslint-disable-next-line max-lines-per-function -- TODO(creatify): split createCreatify into named parts (issue 10, lint limit 80)
export function createCreatify(client: CreatifyClient, options: CreatifyOptions = {}) {
  const defaultInterval = options.interval;

  function prepare(input: JobInput, template: TemplateWithVariables | undefined): JobInput {
    const problems = checkJobInput(input);
    if (problems.length) throw jobInputError(problems);
    if (template) {
      const variableProblems = validateVariables(template, input.variables);
      if (variableProblems.length) throw new VariablesError(variableProblems);
    }
    return input;
  }

  const templates = {
    /** Every custom template of the workspace (a plain array; no pagination). Free. */
    list: (opts: CallOptions = {}): Promise<CustomTemplate[]> => {
      return client.GET('/api/custom_templates/', { ...opts });
    },
    /** A template with its variable definitions. Free. */
    get: (template_id: string, opts: CallOptions = {}): Promise<CustomTemplateDetail> => {
      return client.GET('/api/custom_templates/{template_id}/', { params: { path: { template_id } }, ...opts });
    },
  };

  /** Sends one paid job POST, once: only `signal` and `timeoutMs` reach core (see `requestOptions`). */
  async function submit(path: SubmitPath, input: JobInput, opts: SubmitOptions): Promise<WithResponse<CustomTemplateJob>> {
    const body = prepare(input, opts.template);
    return client.withResponse.POST(path, { body, ...requestOptions(opts) });
  }

  const jobs = {
    /** Creates a job that renders the final video directly (costs the `create` price). */
    create: async (input: JobInput, opts: SubmitOptions = {}): Promise<CustomTemplateJob> => {
      return (await submit('/api/custom_template_jobs/', input, opts)).data;
    },
    /** Synchronous preview: resolves once the preview is ready (`preview` set). Creatify prefers `previewAsync` under load. */
    preview: async (input: JobInput, opts: SubmitOptions = {}): Promise<CustomTemplateJob> => {
      return (await submit('/api/custom_template_jobs/preview/', input, opts)).data;
    },
    /** Starts a preview and returns the `pending` job at once; wait for `done`, then read `preview`. */
    previewAsync: async (input: JobInput, opts: SubmitOptions = {}): Promise<CustomTemplateJob> => {
      return (await submit('/api/custom_template_jobs/preview_async/', input, opts)).data;
    },
    /** Renders the final video of a job whose preview is done (costs the `render` price). */
    render: (id: string, opts: CallOptions = {}): Promise<CustomTemplateJob> => {
      return client.POST('/api/custom_template_jobs/{id}/render/', { params: { path: { id } }, body: {}, ...requestOptions(opts) });
    },
    /** The job as it is now. Free. */
    get: (id: string, opts: CallOptions = {}): Promise<CustomTemplateJob> => {
      return client.GET('/api/custom_template_jobs/{id}/', { params: { path: { id } }, ...requestOptions(opts) });
    },
    /**
     * Polls the job until `done`, `failed` or `rejected`. A failed or rejected job throws
     * `JobFailedError` (with `failed_reason`) unless `throwOnFailure: false`.
     */
    waitFor: async (id: string, opts: WaitOptions = {}): Promise<CustomTemplateJob> => {
      const { signal, timeoutMs, onProgress, interval, throwOnFailure = true, requireVideo = false } = opts;
      const job = await poll({
        get: (pollSignal) => jobs.get(id, { signal: pollSignal }),
        isTerminal: (j: CustomTemplateJob) => isFinal(j, requireVideo),
        signal,
        timeoutMs,
        interval: { ...defaultInterval, ...interval },
        onUpdate: onProgress,
      });
      if (throwOnFailure && isFailure(job)) throw new JobFailedError(job);
      return job;
    },
    /**
     * `create` then `waitFor`. The create is sent once, whatever happens while waiting. `timeoutMs`
     * bounds the wait; the create request itself has the client's per-request timeout.
     */
    createAndWait: async (input: JobInput, opts: SubmitOptions & WaitOptions = {}): Promise<CustomTemplateJob> => {
      const { template, timeoutMs, signal, ...wait } = opts;
      const path = '/api/custom_template_jobs/';
      const id = acceptedJobId(path, await submit(path, input, { template, signal }));
      return jobs.waitFor(id, { ...wait, signal, timeoutMs, requireVideo: true });
    },
    /**
     * The two-step flow: `previewAsync` → wait → `approve(previewJob)` → `render` → wait.
     * Declining costs only the preview. `timeoutMs` applies to each wait, not to `approve`.
     */
    previewThenRender: async (input: JobInput, opts: PreviewThenRenderOptions): Promise<PreviewThenRenderResult> => {
      const { approve, onProgress, template, ...wait } = opts;
      const path = '/api/custom_template_jobs/preview_async/';
      const id = acceptedJobId(path, await submit(path, input, { template, signal: wait.signal }));
      const preview = await jobs.waitFor(id, { ...wait, onProgress: onProgress && ((j) => onProgress(j, 'preview')) });
      if (!(await approve(preview))) return { approved: false, preview };
      // Aborted while `approve` ran: core's AbortError (as everywhere else), and no render is sent.
      if (wait.signal?.aborted) throw new AbortError('The operation was aborted by the caller.', { cause: wait.signal.reason });
      await jobs.render(preview.id, { signal: wait.signal });
      const job = await jobs.waitFor(preview.id, {
        ...wait,
        requireVideo: true,
        onProgress: onProgress && ((j) => onProgress(j, 'render')),
      });
      return { approved: true, preview, job };
    },
  };

  /**
   * Confirms a webhook delivery by re-fetching its job. Creatify signs nothing, so a payload is a
   * hint: act on the returned `job`, never on the payload. Throws `WebhookNotConfirmedError` when
   * the API contradicts the payload (unknown job, a different output URL, a failure or completion
   * the job does not show).
   */
  async function confirmJobWebhook(payload: unknown, opts: CallOptions = {}): Promise<{ job: CustomTemplateJob; webhook: JobWebhook }> {
    // A parsed delivery is re-parsed from its payload: its other fields are not trusted either.
    const webhook = parseJobWebhook(isParsedWebhook(payload) ? payload.payload : payload);
    let job: CustomTemplateJob;
    try {
      job = await jobs.get(webhook.id, opts);
    } catch (err) {
      if (err instanceof NotFoundError) throw new WebhookNotConfirmedError(webhook.id, ['no such job in this workspace'], { cause: err });
      throw err;
    }
    const reasons = contradictions(webhook, job);
    if (reasons.length) throw new WebhookNotConfirmedError(webhook.id, reasons);
    return { job, webhook };
  }

  return { templates, jobs, confirmJobWebhook };
}

export type Creatify = ReturnType<typeof createCreatify>;

type SubmitPath = '/api/custom_template_jobs/' | '/api/custom_template_jobs/preview/' | '/api/custom_template_jobs/preview_async/';

/**
 * The options forwarded to core. Picked, not spread: an options object from elsewhere could carry
 * core's `retrySafe` or `maxRetries` (no excess-property check on a variable), which would let core
 * resend a paid POST, or a `body`/`params` that would replace the checked request.
 */
function requestOptions(opts: CallOptions): { signal?: AbortSignal; timeoutMs?: number } {
  return {
    ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  };
}

/**
 * The id of the job a 2xx submit created. Without one (possible with `validate: 'off'` or `'warn'`)
 * the job may exist all the same: that is `maybeSubmitted`, never a reason to poll a made-up id
 * (whose 404 would read as "nothing was created") or to submit again.
 */
function acceptedJobId(path: SubmitPath, { data, response, requestId }: WithResponse<CustomTemplateJob>): string {
  const id: unknown = (data as Partial<CustomTemplateJob> | undefined)?.id;
  if (isUuid(id)) return id;
  throw new ResponseValidationError(
    `POST ${path} answered ${response.status} without a job id; the job may have been created and billed: do not submit it again, look for it by name or webhook`,
    {
      status: response.status,
      method: 'POST',
      path,
      requestId,
      bodyExcerpt: '',
      issues: [{ path: 'id', message: id === undefined ? 'missing' : 'not a UUID' }],
      maybeSubmitted: true,
    },
  );
}

function isFinal(job: CustomTemplateJob, requireVideo: boolean): boolean {
  if (!isTerminalStatus(job.status)) return false;
  return !(requireVideo && job.status === 'done' && job.video_output == null);
}

function isFailure(job: CustomTemplateJob): job is CustomTemplateJob & { status: 'failed' | 'rejected' } {
  return job.status === 'failed' || job.status === 'rejected';
}

function isParsedWebhook(value: unknown): value is JobWebhook {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'output_field') && Object.hasOwn(value, 'terminal') && Object.hasOwn(value, 'payload');
}

const FAILURES: ReadonlySet<JobStatus> = new Set<JobStatus>(['failed', 'rejected']);

/** Where the re-fetched job contradicts the payload. Stale status-change deliveries are not contradictions. */
function contradictions(webhook: JobWebhook, job: CustomTemplateJob): string[] {
  const reasons: string[] = [];
  if (webhook.video_output != null && webhook.video_output !== job.video_output) {
    reasons.push(`the payload's ${webhook.output_field ?? 'video_output'} is not the job's video_output`);
  }
  if (FAILURES.has(webhook.status) && job.status !== webhook.status) {
    reasons.push(`the payload says ${webhook.status}, the job is ${job.status}`);
  }
  // `done` is reached once per stage; a job that shows no preview, no video and no `done` never got there.
  if (webhook.status === 'done' && job.status !== 'done' && job.preview == null && job.video_output == null) {
    reasons.push(`the payload says done, the job is ${job.status} with no output`);
  }
  return reasons;
}
