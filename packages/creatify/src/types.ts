// The public shape of @reelkit/creatify: the resources `createCreatify` returns and their options.
// Every method takes `(params, options?)` with core's `CallOptions`; waits take core's
// `WaitOptions` (`deadlineMs` for the whole wait, `request.timeoutMs` per poll).
import type { CallOptions, PollInterval, WaitOptions } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import type { JobInput } from './input.js';
import type { TemplateWithVariables } from './variables.js';
import type { JobWebhook } from './webhooks.js';

type Schemas = components['schemas'];
export type CustomTemplateJob = Schemas['CustomTemplateJob'];
export type CustomTemplate = Schemas['CustomTemplate'];
export type CustomTemplateDetail = Schemas['CustomTemplateDetail'];

export interface CreatifyOptions {
  /** Default poll schedule of `waitFor` and the flows built on it (field by field over core's 1 s ×1.5 → 10 s). */
  interval?: PollInterval;
}

/** Options of the paid job POSTs. */
export interface SubmitOptions extends CallOptions {
  /**
   * The template (from `templates.get`, or a seed template) to check `variables` against before
   * sending; problems throw `VariablesError` and nothing is sent or billed.
   */
  template?: TemplateWithVariables;
}

export interface JobWaitOptions extends WaitOptions<CustomTemplateJob> {
  /** Throw `JobFailedError` on `failed`/`rejected` (default). `false` returns the job instead. */
  throwOnFailure?: boolean;
  /**
   * Count `done` as final only once `video_output` is set. Use it after `render(id)`: Creatify does
   * not document whether a previewed job leaves `done` as soon as the render is accepted.
   */
  requireVideo?: boolean;
}

/** `createAndWait`: the submit's options and the wait's; `signal` and `request` apply to the POST and to every poll. */
export interface CreateAndWaitOptions extends Omit<JobWaitOptions, 'requireVideo'> {
  /** See `SubmitOptions.template`. */
  template?: TemplateWithVariables;
}

export type Stage = 'preview' | 'render';

/** `previewThenRender`: `deadlineMs` bounds each of the two waits (not `approve`); `signal` and `request` apply to every request. */
export interface PreviewThenRenderOptions extends Omit<JobWaitOptions, 'onProgress' | 'requireVideo' | 'throwOnFailure'> {
  /** Decides, from the finished preview (`job.preview` is its URL), whether to pay for the render. */
  approve: (job: CustomTemplateJob) => boolean | Promise<boolean>;
  onProgress?: (job: CustomTemplateJob, stage: Stage) => void;
  /** See `SubmitOptions.template`. */
  template?: TemplateWithVariables;
}

export type PreviewThenRenderResult =
  | { approved: true; preview: CustomTemplateJob; job: CustomTemplateJob }
  | { approved: false; preview: CustomTemplateJob };

/** Custom templates of the workspace. Free. */
export interface CreatifyTemplates {
  /** Every custom template (a plain array; no pagination; the operation has no parameters). */
  list: (options?: CallOptions) => Promise<CustomTemplate[]>;
  /** A template with its variable definitions. */
  get: (template_id: string, options?: CallOptions) => Promise<CustomTemplateDetail>;
}

/**
 * Custom template jobs. `create`, `preview`, `previewAsync` and `render` spend credits: each is
 * sent once, and nothing here resubmits one whose outcome is unknown (`isMaybeSubmitted(err)`).
 */
export interface CreatifyJobs {
  /** Creates a job that renders the final video directly (costs the `create` price). */
  create: (input: JobInput, options?: SubmitOptions) => Promise<CustomTemplateJob>;
  /** Synchronous preview: resolves once the preview is ready (`preview` set). Creatify prefers `previewAsync` under load. */
  preview: (input: JobInput, options?: SubmitOptions) => Promise<CustomTemplateJob>;
  /** Starts a preview and returns the `pending` job at once; wait for `done`, then read `preview`. */
  previewAsync: (input: JobInput, options?: SubmitOptions) => Promise<CustomTemplateJob>;
  /** Renders the final video of a job whose preview is done (costs the `render` price). */
  render: (id: string, options?: CallOptions) => Promise<CustomTemplateJob>;
  /** The job as it is now. Free. */
  get: (id: string, options?: CallOptions) => Promise<CustomTemplateJob>;
  /**
   * Polls until `done`, `failed` or `rejected`; any other status, an unknown one included, is not
   * final. A failed or rejected job throws `JobFailedError` unless `throwOnFailure: false`.
   */
  waitFor: (id: string, options?: JobWaitOptions) => Promise<CustomTemplateJob>;
  /** `create` then `waitFor` (with `requireVideo`). The create is sent once, whatever happens while waiting. */
  createAndWait: (input: JobInput, options?: CreateAndWaitOptions) => Promise<CustomTemplateJob>;
  /** `previewAsync` → wait → `approve(previewJob)` → `render` → wait. Declining costs only the preview. */
  previewThenRender: (input: JobInput, options: PreviewThenRenderOptions) => Promise<PreviewThenRenderResult>;
}

/** Creatify on one core client (one rate limiter, one logger). */
export interface Creatify {
  readonly templates: CreatifyTemplates;
  readonly jobs: CreatifyJobs;
  /**
   * Confirms a webhook delivery by re-fetching its job. Creatify signs nothing, so a payload is a
   * hint: act on the returned `job`, never on the payload. Throws `WebhookNotConfirmedError` (a
   * `WebhookPayloadError`) when the API contradicts the payload.
   */
  confirmJobWebhook: (payload: unknown, options?: CallOptions) => Promise<{ job: CustomTemplateJob; webhook: JobWebhook }>;
}
