// Parsing a Creatomate webhook body. The vendor POSTs the Render object (as GET /renders/{id}
// returns it) when a render succeeds or fails; the body is untrusted input, so it is validated
// with the spec's zod schema and only ever used to know *which* render to re-fetch.
import { ReelkitError, type ValidationIssue } from '@reelkit/core';
import { zRender } from '@reelkit/core/creatomate';
import type { Render } from './types.js';

/** The webhook body is not JSON or not a Render as the spec describes it. */
export class WebhookPayloadError extends ReelkitError {
  override readonly name: string = 'WebhookPayloadError';
  /** Field paths and what was wrong with them. */
  readonly issues: ValidationIssue[];

  constructor(message: string, issues: ValidationIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

/**
 * Parses and validates a webhook body (a string, bytes, or already-parsed JSON) into a typed
 * Render. Throws `WebhookPayloadError` when it is not one. The result is a claim, not a fact:
 * pass it to `renders.confirmRenderWebhook` before acting on its status.
 */
export function parseRenderWebhook(body: unknown): Render {
  let value = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    try {
      value = JSON.parse(text);
    } catch {
      throw new WebhookPayloadError(`Webhook body is not JSON (starts with ${JSON.stringify(text.slice(0, 40))}).`);
    }
  }
  const parsed = zRender.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
    throw new WebhookPayloadError(
      `Webhook body is not a Creatomate Render: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return parsed.data;
}
