// The README's examples are the files in examples/, run here against a real-clock emulator.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCreatomateClient } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T, startEmulator, type Emulator } from '@reelkit/emulator';
import { createRenders } from '../src/index.js';
import { MemoryLedger } from '../src/ledger.js';
import { signWebhookUrl } from '../src/webhooks.js';
import { main as batch } from '../examples/batch.js';
import { main as quickstart } from '../examples/quickstart.js';
import { renderForOrder, webhookReceiver } from '../examples/webhook-receiver.js';

const FAILS_ON_PURPOSE = "The element '__fail__' could not be rendered (it fails on purpose in the emulator).";

let emu: Emulator;
let apiKey: string;
const env = { ...process.env };
beforeAll(async () => {
  // Real clock, 100× faster: the examples use the default polling, as a user would.
  emu = await startEmulator({ port: 0, clock: 'real', speed: 100 });
  process.env.REELKIT_CREATOMATE_URL = emu.creatomateUrl;
  process.env.REELKIT_LOG = 'off';
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
beforeEach(() => {
  // Each example on its own account, so that the emulator's state shows exactly what it created.
  apiKey = `example-${randomUUID()}`;
  process.env.CREATOMATE_API_KEY = apiKey;
});
afterAll(async () => {
  process.env = env;
  vi.restoreAllMocks();
  await emu.close();
});

/** Every render the current example's account has (as the API lists them). */
const stored = () => createRenders(createCreatomateClient({ apiKey })).list({ limit: 100 });

describe('examples', { timeout: 30_000 }, () => {
  it('quickstart renders the product card, reports the failing template with its reason, then deletes the render', async () => {
    const { done, failure } = await quickstart();
    expect(done).toMatchObject({ status: 'succeeded', template_id: T.productCard, width: 1200, height: 628 });
    expect(done.modifications).toEqual({ 'Product-Name': 'Trail Runner 3', price: '$129' });
    expect(done.url).toMatch(new RegExp(`^${emu.url}/`));
    expect(failure).toBe(FAILS_ON_PURPOSE);
    const left = await stored();
    expect(left.map((r) => r.id)).not.toContain(done.id); // deleted
    expect(left.map((r) => r.status)).toEqual(['failed']);
  });

  it('batch reports every customer exactly once, in input order, and creates one render each', async () => {
    const customers = ['Ada', 'Grace', 'Alan', 'Edsger'].map((name) => ({ name, quote: `${name} says hi` }));
    const outcomes = await batch(customers);
    expect(outcomes).toHaveLength(customers.length);
    for (const outcome of outcomes) expect(outcome).toMatch(new RegExp(`^done ${emu.url}/`));
    expect(new Set(outcomes).size).toBe(customers.length);
    const renders = await stored();
    expect(renders).toHaveLength(customers.length); // never submitted twice
    expect(renders.every((r) => r.status === 'succeeded')).toBe(true);
  });

  it('batch run again with the same ledger reports every customer and sends nothing new', async () => {
    const customers = ['Ada', 'Grace'].map((name) => ({ name, quote: `${name} says hi` }));
    const ledger = new MemoryLedger();
    const first = await batch(customers, ledger);
    const again = await batch(customers, ledger);
    expect(again).toEqual(first);
    expect(await stored()).toHaveLength(customers.length);
  });

  it('webhook-receiver marks orders from signed deliveries only, and refuses forged ones', async () => {
    const SECRET = 'example-webhook-secret';
    const renders = createRenders(createCreatomateClient());
    const done: [string, string][] = [];
    const failed: [string, string | null | undefined][] = [];
    let settled!: () => void;
    const bothSettled = new Promise<void>((r) => (settled = r));
    const check = () => {
      if (done.length + failed.length === 2) settled();
    };
    const server = webhookReceiver(renders, SECRET, {
      markDone: (orderId, url) => {
        done.push([orderId, url]);
        check();
        return Promise.resolve();
      },
      markFailed: (orderId, reason) => {
        failed.push([orderId, reason]);
        check();
        return Promise.resolve();
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/creatomate`;
      const ok = await renderForOrder(renders, SECRET, receiverUrl, {
        id: 'order-1',
        template_id: T.quoteSquare,
        modifications: { Quote: 'Ship it.', author: 'Ada' },
      });
      const bad = await renderForOrder(renders, SECRET, receiverUrl, { id: 'order-2', template_id: T.alwaysFails, modifications: {} });
      await bothSettled;
      await emu.webhooks.idle();
      expect(done).toEqual([['order-1', (await renders.get(ok.id)).url]]);
      expect(done[0]![1]).toMatch(new RegExp(`^${emu.url}/`));
      expect(failed).toEqual([['order-2', FAILS_ON_PURPOSE]]);
      const deliveries = emu.webhooks.deliveries();
      expect(deliveries.map((d) => [d.resourceId, d.responseStatus]).sort()).toEqual([[ok.id, 200], [bad.id, 200]].sort());

      const post = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).status;
      const okRender = await renders.get(ok.id);
      // No signature: not a URL we handed out.
      expect(await post(receiverUrl, okRender)).toBe(401);
      // A signature for another key (order-2's URL is public in its render) replayed with order-1's render.
      expect(await post(await signWebhookUrl(receiverUrl, SECRET, 'order-2'), okRender)).toBe(400);
      // Not a Render at all.
      expect(await post(await signWebhookUrl(receiverUrl, SECRET, 'order-1'), { status: 'succeeded' })).toBe(400);
      // A well-formed Render that names no render of this account.
      expect(await post(await signWebhookUrl(receiverUrl, SECRET, 'order-1'), { ...okRender, id: randomUUID() })).toBe(404);
      // None of them reached the orders.
      expect(done).toHaveLength(1);
      expect(failed).toHaveLength(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it.each(['quickstart.ts', 'batch.ts', 'webhook-receiver.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
