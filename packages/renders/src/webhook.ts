// Parsing a Creatomate webhook body. The vendor POSTs the Render object (as GET /renders/{id}
// returns it) when a render succeeds or fails; the body is untrusted input, so it is decoded by
// core (shared with Creatify's parser), validated with the spec's zod schema, and only ever used
// to know *which* render to re-fetch.
import { decodeWebhookBody, WebhookPayloadError } from '@reelkit/core';
import { zRender } from '@reelkit/core/creatomate';
import { toIssues } from '@reelkit/core';
import type { Render } from './types.js';

/** Core's class, re-exported: catching it catches both vendors' webhook payload errors. */
export { WebhookPayloadError };

/**
 * The webhook body names a real render, but not one that belongs to the key the (valid) URL was
 * signed for: a signed URL is visible in every Render's `webhook_url`, so it can be replayed with
 * a body naming someone else's render. A `WebhookPayloadError`, so one `catch` answers 400.
 */
export class WebhookRenderMismatchError extends WebhookPayloadError {
  override readonly name: string = 'WebhookRenderMismatchError';
  /** The render the body named, as re-fetched. */
  readonly render: Render;
  readonly renderKey: string;

  constructor(render: Render, renderKey: string) {
    super(`Webhook names render ${render.id}, which does not belong to the key the webhook URL was signed for.`, [
      { path: 'id', message: 'names a render of another key' },
    ]);
    this.render = render;
    this.renderKey = renderKey;
  }
}

/**
 * Parses and validates a webhook body (a string, bytes, an ArrayBuffer, or already-parsed JSON)
 * into a typed Render. Throws `WebhookPayloadError` when it is not one. The result is a claim, not
 * a fact: pass it to `renders.confirmRenderWebhook` before acting on its status.
 */
export function parseRenderWebhook(body: unknown): Render {
  const parsed = zRender.safeParse(decodeWebhookBody(body));
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    throw new WebhookPayloadError(
      `Webhook body is not a Creatomate Render: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return parsed.data;
}
