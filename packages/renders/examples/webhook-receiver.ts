// Webhooks you can trust. Creatomate signs nothing, so the webhook URL carries reelkit's signature for
// the work it belongs to (an order id): the receiver checks it, then acts on the render as re-fetched
// and bound to that key, never on the posted body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { NotFoundError } from '@reelkit/core';
import type { Render, Renders } from '@reelkit/renders';
import { signWebhookUrl, verifyWebhookUrl, WebhookPayloadError } from '@reelkit/renders/webhooks';

export interface Orders {
  /** Deliveries can repeat: make these idempotent. */
  markDone(orderId: string, url: string): Promise<void>;
  markFailed(orderId: string, reason: string | null | undefined): Promise<void>;
}

// When creating: sign the receiver's URL (e.g. 'https://app.example.com/hooks/creatomate') for the order.
export async function renderForOrder(
  renders: Renders,
  secret: string, // e.g. 32 random bytes, kept server-side
  receiverUrl: string,
  order: { id: string; template_id: string; modifications: Record<string, unknown> },
): Promise<Render> {
  const webhook_url = await signWebhookUrl(receiverUrl, secret, order.id);
  const [render] = await renders.create({ template_id: order.template_id, modifications: order.modifications, webhook_url });
  return render!;
}

// The receiver (node:http; the same steps fit any framework).
export function webhookReceiver(renders: Renders, secret: string, orders: Orders): Server {
  // Everything inside the try: an async handler's rejection would escape node:http unhandled.
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const check = await verifyWebhookUrl(req.url ?? '', secret);
      if (!check.valid) {
        res.writeHead(401).end(); // not a URL we signed
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      // Re-fetched, and bound to the key: a replayed URL with a body naming another render is refused.
      const render = await renders.confirmRenderWebhook(Buffer.concat(chunks), { renderKey: check.renderKey, secret });
      if (render.status === 'succeeded') await orders.markDone(check.renderKey, render.url!);
      else if (render.status === 'failed') await orders.markFailed(check.renderKey, render.error_message);
      res.writeHead(200).end(); // Creatomate logs the code
    } catch (error) {
      if (error instanceof WebhookPayloadError) res.writeHead(400).end(); // not a Render, or not this key's
      else if (error instanceof NotFoundError) res.writeHead(404).end(); // names no render of ours
      else res.writeHead(500).end();
    }
  }
  return createServer((req, res) => void handle(req, res));
}
