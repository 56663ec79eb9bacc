// Confirming a webhook delivery against the API. Creatify signs nothing, so a payload is a hint to
// re-fetch the job; a payload the job contradicts is treated as forged.
import { NotFoundError, type CallOptions } from '@reelkit/core';
import { WebhookNotConfirmedError } from './errors.js';
import type { JobStatus } from './status.js';
import type { CreatifyJobs, CustomTemplateJob } from './types.js';
import { parseJobWebhook, type JobWebhook } from './webhooks.js';

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

export function webhookConfirmer(jobs: Pick<CreatifyJobs, 'get'>) {
  return async function confirmJobWebhook(payload: unknown, options?: CallOptions): Promise<{ job: CustomTemplateJob; webhook: JobWebhook }> {
    // A parsed delivery is re-parsed from its payload: its other fields are not trusted either.
    const webhook = parseJobWebhook(isParsedWebhook(payload) ? payload.payload : payload);
    let job: CustomTemplateJob;
    try {
      job = await jobs.get(webhook.id, options);
    } catch (err) {
      if (err instanceof NotFoundError) throw new WebhookNotConfirmedError(webhook.id, ['no such job in this workspace'], { cause: err });
      throw err;
    }
    const reasons = contradictions(webhook, job);
    if (reasons.length) throw new WebhookNotConfirmedError(webhook.id, reasons);
    return { job, webhook };
  };
}
