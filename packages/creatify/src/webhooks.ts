// Webhook deliveries of custom template jobs. Creatify documents two payload shapes (`video_output`
// on the create page, `output` on the render page), may send one delivery per status change, and
// signs nothing: a payload is a hint to re-fetch the job (`confirmJobWebhook`), never proof.
import { decodeWebhookBody, toIssues, WebhookPayloadError } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import { zCustomTemplateJob } from '@reelkit/core/creatify';
import { isTerminalStatus } from './status.js';

type Job = components['schemas']['CustomTemplateJob'];

/** A webhook delivery, normalised over both payload shapes. */
export interface JobWebhook extends Pick<Job, 'id' | 'status' | 'failed_reason' | 'video_output'> {
  /** Which field carried the video URL (`null` when neither was present, e.g. a status change). */
  output_field: 'video_output' | 'output' | null;
  /** `done`, `failed` or `rejected`: no further status change follows. */
  terminal: boolean;
  /** The payload as delivered, for fields beyond these (some deliveries carry the whole job). */
  payload: Record<string, unknown>;
}

const shape = zCustomTemplateJob.shape;
const zWebhookPayload = zCustomTemplateJob.pick({ id: true, status: true }).extend({
  failed_reason: shape.failed_reason.optional(),
  video_output: shape.video_output.optional(),
  output: shape.video_output.optional(),
});

/**
 * Parses a webhook body: the raw text/bytes a server received, or the already-parsed JSON.
 * Throws `WebhookPayloadError` for anything that is not a job payload.
 */
export function parseJobWebhook(body: unknown): JobWebhook {
  const json = decodeWebhookBody(body);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WebhookPayloadError('Webhook body is not a JSON object.', [{ path: '(root)', message: 'expected a JSON object' }]);
  }
  const parsed = zWebhookPayload.safeParse(json);
  if (!parsed.success) {
    // Paths as @reelkit/renders names them (core's toIssues): the payload's own field names, `(root)` for the body.
    const issues = toIssues(parsed.error);
    throw new WebhookPayloadError(
      `Webhook body is not a Creatify custom template job payload: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const { id, status, failed_reason, video_output, output } = parsed.data;
  const output_field = video_output != null ? 'video_output' : output != null ? 'output' : null;
  return {
    id,
    status,
    failed_reason: failed_reason ?? null,
    video_output: video_output ?? output ?? null,
    output_field,
    terminal: isTerminalStatus(status),
    payload: json as Record<string, unknown>,
  };
}
