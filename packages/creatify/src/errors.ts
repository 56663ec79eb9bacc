// Errors of this package. All extend core's ReelkitError; pre-flight problems extend
// RequestValidationError and webhook problems WebhookPayloadError, as in @reelkit/renders, and a
// failure carries the vendor's `reason` under the same name as `RenderFailedError`.
import { ReelkitError, RequestValidationError, WebhookPayloadError } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import type { InputProblem } from './input.js';
import type { VariableProblem } from './variables.js';

type Job = components['schemas']['CustomTemplateJob'];

/** A job ended `failed` or `rejected` while being waited for. The job is attached as last seen. */
export class JobFailedError extends ReelkitError {
  override readonly name: string = 'JobFailedError';
  readonly job: Job;
  readonly status: 'failed' | 'rejected';
  /** Creatify's explanation (its `failed_reason`), when it gives one. Same field as `RenderFailedError.reason`. */
  readonly reason: string | null;

  constructor(job: Job & { status: 'failed' | 'rejected' }) {
    super(`Creatify job ${job.id} ${job.status === 'rejected' ? 'was rejected' : 'failed'}${job.failed_reason ? `: ${job.failed_reason}` : ''}`);
    this.job = job;
    this.status = job.status;
    this.reason = job.failed_reason ?? null;
  }

  /** @deprecated Alias of `reason` (the wire name), kept for existing callers. */
  get failed_reason(): string | null {
    return this.reason;
  }

  /** @deprecated Alias of `job.id`. */
  get jobId(): string {
    return this.job.id;
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
 * A webhook payload that the job, re-fetched from the API, contradicts: treat it as forged. A
 * `WebhookPayloadError` (core's, shared with @reelkit/renders), so one `catch` answers 400.
 */
export class WebhookNotConfirmedError extends WebhookPayloadError {
  override readonly name: string = 'WebhookNotConfirmedError';
  readonly jobId: string;
  readonly reasons: string[];
  constructor(jobId: string, reasons: string[], options?: { cause?: unknown }) {
    super(
      `webhook for job ${jobId} not confirmed by the API: ${reasons.join('; ')}`,
      reasons.map((message) => ({ path: 'id', message })),
    );
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, configurable: true, writable: true });
    this.jobId = jobId;
    this.reasons = reasons;
  }
}
