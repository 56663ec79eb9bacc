// Custom template jobs: the paid POSTs (sent once, with only core's call options), the free GET,
// waiting, and the two flows built on them (which only re-GET after their POSTs).
import {
  AbortError,
  linkSignals,
  pickCallOptions,
  poll,
  ResponseValidationError,
  type CallOptions,
  type CreatifyClient,
  type PollInterval,
  type WithResponse,
} from '@reelkit/core';
import { checkId, checkOptions } from './arguments.js';
import { JobFailedError, jobInputError, VariablesError } from './errors.js';
import { checkJobInput, isUuid, type JobInput } from './input.js';
import { isTerminalStatus } from './status.js';
import type { CreateAndWaitOptions, CreatifyJobs, CustomTemplateJob, JobWaitOptions, PreviewThenRenderOptions, SubmitOptions } from './types.js';
import { validateVariables, type TemplateWithVariables } from './variables.js';

type SubmitPath = '/api/custom_template_jobs/' | '/api/custom_template_jobs/preview/' | '/api/custom_template_jobs/preview_async/';
const CREATE: SubmitPath = '/api/custom_template_jobs/';
const PREVIEW_ASYNC: SubmitPath = '/api/custom_template_jobs/preview_async/';

/** Checks the input (and its variables against `template`) before anything is sent. */
function prepare(input: JobInput, template: TemplateWithVariables | undefined): JobInput {
  const problems = checkJobInput(input);
  if (problems.length) throw jobInputError(problems);
  if (template) {
    const variableProblems = validateVariables(template, input.variables);
    if (variableProblems.length) throw new VariablesError(variableProblems);
  }
  return input;
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

/** Field by field, so an explicit `undefined` keeps the default (core's defaults fill the rest). */
function mergeInterval(base: PollInterval | undefined, over: PollInterval | undefined): PollInterval {
  const out: PollInterval = {};
  for (const key of ['initialMs', 'maxMs', 'factor'] as const) {
    const value = over?.[key] ?? base?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The call options of a composite call's own requests: `request`'s, with both signals linked. */
function withSignals(options: { signal?: AbortSignal; request?: CallOptions }) {
  const linked = linkSignals(options.signal, options.request?.signal);
  return { call: { ...pickCallOptions(options.request), signal: linked.signal }, dispose: () => linked.dispose() };
}

export function jobsResource(client: CreatifyClient, defaultInterval: PollInterval | undefined): CreatifyJobs {
  /** Sends one paid job POST, once: only `pickCallOptions` of the caller's options reach core. */
  async function submit(path: SubmitPath, input: JobInput, options: SubmitOptions = {}): Promise<WithResponse<CustomTemplateJob>> {
    checkOptions(options);
    const body = prepare(input, options.template);
    return client.withResponse.POST(path, { body, ...pickCallOptions(options) });
  }

  async function get(id: string, options?: CallOptions): Promise<CustomTemplateJob> {
    checkId(id);
    return client.GET('/api/custom_template_jobs/{id}/', { params: { path: { id } }, ...pickCallOptions(options) });
  }

  async function waitFor(id: string, options: JobWaitOptions = {}): Promise<CustomTemplateJob> {
    checkId(id);
    checkOptions(options);
    const { throwOnFailure = true, requireVideo = false } = options;
    const { call, dispose } = withSignals(options);
    let job: CustomTemplateJob;
    try {
      job = await poll({
        get: (pollSignal) => get(id, { ...call, signal: pollSignal }),
        isTerminal: (j: CustomTemplateJob) => isFinal(j, requireVideo),
        signal: call.signal,
        ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
        interval: mergeInterval(defaultInterval, options.interval),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    } finally {
      dispose();
    }
    if (throwOnFailure && isFailure(job)) throw new JobFailedError(job);
    return job;
  }

  /** Submits once with the composite call's options (template, request, both signals) and returns the accepted job's id. */
  async function submitForWait(path: SubmitPath, input: JobInput, options: CreateAndWaitOptions | PreviewThenRenderOptions): Promise<string> {
    const { call, dispose } = withSignals(options);
    try {
      return acceptedJobId(path, await submit(path, input, { ...call, ...(options.template ? { template: options.template } : {}) }));
    } finally {
      dispose();
    }
  }

  async function previewThenRender(input: JobInput, options: PreviewThenRenderOptions) {
    checkOptions(options);
    const { approve, onProgress, template: _template, ...wait } = options;
    const id = await submitForWait(PREVIEW_ASYNC, input, options);
    const preview = await waitFor(id, { ...wait, ...(onProgress ? { onProgress: (j: CustomTemplateJob) => onProgress(j, 'preview') } : {}) });
    if (!(await approve(preview))) return { approved: false as const, preview };
    // Aborted while `approve` ran: core's AbortError (as everywhere else), and no render is sent.
    if (options.signal?.aborted) throw new AbortError('The operation was aborted by the caller.', { cause: options.signal.reason });
    const { call, dispose } = withSignals(options);
    try {
      await jobs.render(preview.id, call);
    } finally {
      dispose();
    }
    const job = await waitFor(preview.id, { ...wait, requireVideo: true, ...(onProgress ? { onProgress: (j: CustomTemplateJob) => onProgress(j, 'render') } : {}) });
    return { approved: true as const, preview, job };
  }

  const jobs: CreatifyJobs = {
    create: async (input, options) => (await submit(CREATE, input, options)).data,
    preview: async (input, options) => (await submit('/api/custom_template_jobs/preview/', input, options)).data,
    previewAsync: async (input, options) => (await submit(PREVIEW_ASYNC, input, options)).data,
    async render(id, options) {
      checkId(id);
      return client.POST('/api/custom_template_jobs/{id}/render/', { params: { path: { id } }, body: {}, ...pickCallOptions(options) });
    },
    get,
    waitFor,
    async createAndWait(input, options = {}) {
      checkOptions(options);
      const { template: _template, ...wait } = options;
      const id = await submitForWait(CREATE, input, options);
      return waitFor(id, { ...wait, requireVideo: true });
    },
    previewThenRender,
  };
  return jobs;
}
