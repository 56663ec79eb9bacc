// Errors of this package. All extend core's ReelkitError, so one `instanceof ReelkitError` covers
// everything reelkit throws.
import { ReelkitError, RequestValidationError } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import type { InputProblem } from './input.js';
import type { VariableProblem } from './variables.js';

type Job = components['schemas']['CustomTemplateJob'];

/** A job ended `failed` or `rejected` while being waited for. The job is attached as last seen. */
export class JobFailedError extends ReelkitError {
  override readonly name: string = 'JobFailedError';
  readonly job: Job;
  readonly jobId: string;
  readonly status: 'failed' | 'rejected';
  /** Creatify's reason, when it gives one. */
  readonly failed_reason: string | null;

  constructor(job: Job & { status: 'failed' | 'rejected' }) {
    super(`Creatify job ${job.id} ${job.status === 'rejected' ? 'was rejected' : 'failed'}${job.failed_reason ? `: ${job.failed_reason}` : ''}`);
    this.job = job;
    this.jobId = job.id;
    this.status = job.status;
    this.failed_reason = job.failed_reason;
  }
}

/**
 * A job's variables do not fit the template (checked before any network call). A
 * RequestValidationError, so one catch covers every request refused before sending.
 */
export class VariablesError extends RequestValidationError {
  override readonly name: string = 'VariablesError';
  readonly problems: VariableProblem[];
  constructor(problems: VariableProblem[]) {
    super(
      `variables do not fit the template: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => ({ path: p.name ? `body.variables.${p.name}` : 'body.variables', message: p.message })),
    );
    this.problems = problems;
  }
}

/** The job input broke a limit of the spec; nothing was sent. Issues name the field (`body.webhook_url`). */
export function jobInputError(problems: InputProblem[]): RequestValidationError {
  return new RequestValidationError(
    `invalid job input: ${problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ')}`,
    problems.map((p) => ({ path: p.field ? `body.${p.field}` : 'body', message: p.message })),
  );
}

/**
 * A webhook body that is not a custom template job payload: core's class, shared with
 * @reelkit/renders, so one `instanceof` catches both vendors' (re-exported for compatibility).
 */
export { WebhookPayloadError } from '@reelkit/core';

/** A webhook payload that the job, re-fetched from the API, contradicts: treat it as forged. */
export class WebhookNotConfirmedError extends ReelkitError {
  override readonly name: string = 'WebhookNotConfirmedError';
  readonly jobId: string;
  readonly reasons: string[];
  constructor(jobId: string, reasons: string[], options?: { cause?: unknown }) {
    super(`webhook for job ${jobId} not confirmed by the API: ${reasons.join('; ')}`, options);
    this.jobId = jobId;
    this.reasons = reasons;
  }
}
