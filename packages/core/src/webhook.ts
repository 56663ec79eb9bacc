// What both vendors' webhook parsers share: neither vendor signs its deliveries, so a body is
// untrusted input that is decoded here, validated by the vendor package, and only ever used to
// know which render or job to re-fetch.
import { ReelkitError, type ValidationIssue } from './errors.js';

/** A webhook body that is not JSON, or not the payload the vendor documents. */
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
 * Decodes a webhook body as a server received it — a string, bytes (Uint8Array / Buffer), an
 * ArrayBuffer — or passes already-parsed JSON through. Throws `WebhookPayloadError` for non-JSON.
 */
export function decodeWebhookBody(body: unknown): unknown {
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = new TextDecoder().decode(body);
  else if (body instanceof ArrayBuffer) text = new TextDecoder().decode(new Uint8Array(body));
  else return body;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WebhookPayloadError(`Webhook body is not JSON (starts with ${JSON.stringify(text.slice(0, 40))}).`);
  }
}
