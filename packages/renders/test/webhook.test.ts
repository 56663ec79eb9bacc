import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, WebhookPayloadError as CoreWebhookPayloadError } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import type { Render } from '../src/index.js';
import { parseRenderWebhook, signWebhookUrl, verifyWebhookUrl, WebhookPayloadError, WebhookRenderMismatchError } from '../src/webhooks.js';
import { setup, type Setup } from './helpers.js';

const SECRET = 'whsec-test-please-rotate';

interface Outcome {
  status: number;
  renderKey?: string;
  render?: Render;
  reason?: string;
}

let s: Setup;
let receiver: { url: string; outcomes: Outcome[]; close: () => Promise<void> };

/** The receiver the README recommends: verify the URL token, parse the body, confirm by re-fetching. */
async function startReceiver(renders: Setup['renders']) {
  const outcomes: Outcome[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (o: Outcome) => {
      outcomes.push(o);
      res.writeHead(o.status).end();
    };
    try {
      const check = await verifyWebhookUrl(req.url ?? '', SECRET);
      if (!check.valid) return reply({ status: 401, reason: check.reason });
      const render = await renders.confirmRenderWebhook(Buffer.concat(chunks), { renderKey: check.renderKey, secret: SECRET });
      reply({ status: 200, renderKey: check.renderKey, render });
    } catch (error) {
      reply({ status: error instanceof WebhookPayloadError ? 400 : error instanceof NotFoundError ? 404 : 500, reason: (error as Error).name });
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/creatomate`,
    outcomes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeEach(async () => {
  s = await setup();
  receiver = await startReceiver(s.renders);
});
afterEach(async () => {
  await receiver.close();
  await s.close();
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('webhooks', () => {
  it('round-trips: the emulator calls the signed URL, the receiver verifies and confirms the render', async () => {
    const webhook_url = await signWebhookUrl(receiver.url, SECRET, 'order-77');
    const [render] = await s.renders.create({ template_id: T.quoteSquare, webhook_url });
    expect(render!.webhook_url).toBe(webhook_url);
    s.emu.clock.advance(60_000);
    await s.emu.webhooks.idle();
    expect(receiver.outcomes).toEqual([{ status: 200, renderKey: 'order-77', render: expect.objectContaining({ id: render!.id, status: 'succeeded' }) as unknown }]);
    expect(s.emu.webhooks.deliveries().map((d) => d.responseStatus)).toEqual([200]);
  });

  it('rejects a forged payload: unsigned URL, wrong token, unknown render, and a false status claim', async () => {
    const signed = await signWebhookUrl(receiver.url, SECRET, 'order-1');
    const [render] = await s.renders.create({ template_id: T.quoteSquare, webhook_url: signed });
    const claim = { ...render!, status: 'succeeded' };
    const forgedToken = new URL(signed);
    forgedToken.searchParams.set('reelkit_key', 'order-2');

    expect((await post(receiver.url, claim)).status).toBe(401);
    expect((await post(forgedToken.toString(), claim)).status).toBe(401);
    expect((await post(await signWebhookUrl(receiver.url, 'guessed-secret', 'order-1'), claim)).status).toBe(401);
    // A token that is not even base64url (one character) is a bad signature, not a crash.
    expect((await post(`${receiver.url}?reelkit_key=order-1&reelkit_sig=A`, claim)).status).toBe(401);
    expect((await post(signed, { ...claim, id: '11111111-2222-4333-8444-555555555555' })).status).toBe(404);
    expect((await post(signed, '{"id": 1')).status).toBe(400);
    // A valid URL (leaked) with a payload that claims success: confirmation reports the truth.
    expect((await post(signed, claim)).status).toBe(200);
    expect(receiver.outcomes.at(-1)!.render).toMatchObject({ id: render!.id, status: 'planned' });
  });
});

describe('webhook binding to the render key', () => {
  it('rejects a leaked signed URL replayed with a body naming another real, succeeded render', async () => {
    const url1 = await signWebhookUrl(receiver.url, SECRET, 'order-1');
    const url2 = await signWebhookUrl(receiver.url, SECRET, 'order-2');
    const [mine] = await s.renders.create({ template_id: T.quoteSquare, webhook_url: url1 });
    const [theirs] = await s.renders.create({ template_id: T.quoteSquare, webhook_url: url2 });
    const [unbound] = await s.renders.create({ template_id: T.quoteSquare });
    s.emu.clock.advance(60_000);
    await s.emu.webhooks.idle();
    // The genuine deliveries: each confirmed for its own key.
    expect(receiver.outcomes.map((o) => [o.status, o.renderKey, o.render?.id]).sort()).toEqual(
      [[200, 'order-1', mine!.id], [200, 'order-2', theirs!.id]].sort(),
    );
    // url1 is visible in `mine.webhook_url` (GET /renders): replayed with another succeeded render.
    const other = await s.renders.get(theirs!.id);
    expect(other.status).toBe('succeeded');
    expect((await post(url1, other)).status).toBe(400);
    expect(receiver.outcomes.at(-1)).toMatchObject({ status: 400, reason: 'WebhookRenderMismatchError' });
    expect((await post(url1, await s.renders.get(unbound!.id))).status).toBe(400);
    expect((await post(url1, await s.renders.get(mine!.id))).status).toBe(200);
  });

  it('binds by metadata, or by the render’s own signed webhook_url only with the secret', async () => {
    const [byMetadata] = await s.renders.create({ template_id: T.quoteSquare, metadata: 'order-5' });
    const [byUrl] = await s.renders.create({ template_id: T.quoteSquare, webhook_url: await signWebhookUrl('https://app.test/h', SECRET, 'order-6') });
    const body = (r: Render) => JSON.stringify(r);
    expect(await s.renders.confirmRenderWebhook(body(byMetadata!), { renderKey: 'order-5' })).toMatchObject({ id: byMetadata!.id });
    await expect(s.renders.confirmRenderWebhook(body(byMetadata!), { renderKey: 'order-6', secret: SECRET })).rejects.toThrow(WebhookRenderMismatchError);
    expect(await s.renders.confirmRenderWebhook(body(byUrl!), { renderKey: 'order-6', secret: SECRET })).toMatchObject({ id: byUrl!.id });
    // Without the secret the URL proves nothing; with another secret neither.
    await expect(s.renders.confirmRenderWebhook(body(byUrl!), { renderKey: 'order-6' })).rejects.toThrow(WebhookRenderMismatchError);
    await expect(s.renders.confirmRenderWebhook(body(byUrl!), { renderKey: 'order-6', secret: 'other' })).rejects.toBeInstanceOf(WebhookPayloadError);
  });
});

describe('parseRenderWebhook', () => {
  const render = { id: '6c1f3a52-8e0b-4d7a-9a41-2f6b0c9e7d11', status: 'succeeded', url: 'https://cdn.test/a.mp4', metadata: 'x' };

  it('parses a string, bytes or an object into a typed Render', () => {
    expect(parseRenderWebhook(JSON.stringify(render))).toEqual(render);
    expect(parseRenderWebhook(new TextEncoder().encode(JSON.stringify(render)))).toEqual(render);
    expect(parseRenderWebhook(render).status).toBe('succeeded');
  });

  it("throws core's shared WebhookPayloadError (one class for both vendors) and decodes an ArrayBuffer", () => {
    expect(WebhookPayloadError).toBe(CoreWebhookPayloadError);
    expect(() => parseRenderWebhook('<html>')).toThrow(CoreWebhookPayloadError);
    expect(() => parseRenderWebhook({ id: 'nope' })).toThrow(CoreWebhookPayloadError);
    const bytes = new TextEncoder().encode(JSON.stringify(render));
    expect(parseRenderWebhook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).toEqual(render);
  });

  it('throws WebhookPayloadError naming the bad fields', () => {
    const error = (() => {
      try {
        parseRenderWebhook({ ...render, status: 'done', id: 'nope' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as WebhookPayloadError).issues.map((i) => i.path).sort()).toEqual(['id', 'status']);
    expect(() => parseRenderWebhook('<html>')).toThrow(WebhookPayloadError);
  });
});
