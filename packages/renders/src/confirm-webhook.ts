// `renders.confirmRenderWebhook` proper, loaded by renders.ts with a dynamic import() on its first
// call: it brings the webhook parser (with the Render schema) and URL verification, which only a
// webhook receiver — a server — ever runs.
import { pickCallOptions, type CallOptions, type CreatomateClient } from '@reelkit/core';
import type { Render } from './types.js';
import { parseRenderWebhook, WebhookRenderMismatchError } from './webhook.js';
import { verifyWebhookUrl, type WebhookSecret } from './webhook-url.js';

export interface ConfirmWebhookOptions extends CallOptions {
  /**
   * The key `verifyWebhookUrl` returned for the request's URL. The re-fetched render must belong to
   * it — its `metadata` equals the key, or (with `secret`) its own `webhook_url` was signed for the
   * key — or `WebhookRenderMismatchError` is thrown. Without it any real render is confirmed.
   */
  renderKey?: string;
  /** The webhook secret: lets a render whose `webhook_url` you signed for `renderKey` prove it belongs. */
  secret?: WebhookSecret;
}

/** True when `render` belongs to `renderKey`: its metadata is the key, or its webhook URL was signed (with `secret`) for it. */
async function belongsTo(render: Render, renderKey: string, secret: WebhookSecret | undefined): Promise<boolean> {
  if (render.metadata === renderKey) return true;
  if (secret === undefined || typeof render.webhook_url !== 'string') return false;
  const check = await verifyWebhookUrl(render.webhook_url, secret);
  return check.valid && check.renderKey === renderKey;
}

/** Parses the body (only to learn which render it names), re-fetches that render, and checks it belongs to `renderKey`. */
export async function confirmRenderWebhook(client: CreatomateClient, payload: unknown, options: ConfirmWebhookOptions): Promise<Render> {
  const claimed = parseRenderWebhook(payload);
  const render = await client.GET('/renders/{id}', { params: { path: { id: claimed.id } }, ...pickCallOptions(options) });
  if (options.renderKey !== undefined && !(await belongsTo(render, options.renderKey, options.secret))) throw new WebhookRenderMismatchError(render, options.renderKey);
  return render;
}
