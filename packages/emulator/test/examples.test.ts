// The README's examples are the files in examples/, run here as a user would run them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createCreatomateClient, ServerError } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS, startEmulator, type Emulator } from '../src/index.js';
import { main as admin } from '../examples/admin.js';
import { main as faults } from '../examples/faults.js';
import { main as manualClock } from '../examples/manual-clock.js';
import { main as webhooks } from '../examples/webhooks.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const u32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);

describe('examples', () => {
  it('manual-clock: the render is planned, and after advancing succeeded with a real 1200×628 PNG of file_size bytes', async () => {
    const { planned, done, png } = await manualClock();
    expect(planned).toBe('planned');
    expect(done).toMatchObject({ status: 'succeeded', output_format: 'png', width: 1200, height: 628, modifications: { price: '$49' } });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect([u32(png, 16), u32(png, 20)]).toEqual([1200, 628]); // IHDR width, height
    expect(done.file_size).toBe(png.length);
  });

  it('faults: a dropped POST is not retried but found; a 500 route ends in ServerError after 3 attempts; one 502 is retried through', async () => {
    const { answerLost, render, error, attempts, done, faults: rules } = await faults();
    expect(answerLost).toBe(true);
    expect(render.metadata).toBe('order-1042');
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, method: 'GET', path: `/renders/${render.id}`, maybeSubmitted: false });
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(3);
    expect(done).toMatchObject({ id: render.id, status: 'succeeded' });
    expect(rules).toEqual([{ route: 'GET /v1/renders/*', kind: '502', count: 1, fired: 1 }]);
  });

  it('faults: the drop fired once and the client sent the POST once (one render exists)', async () => {
    // Replays the first step with the emulator kept open, to count what reached it.
    const emu = await startEmulator({ port: 0, clock: 'manual', faults: [{ route: 'createRender', kind: 'drop', count: 1 }] });
    try {
      const cm = createCreatomateClient({ apiKey: 'drop-test-key', baseUrl: emu.creatomateUrl, logLevel: 'off' });
      const err = await cm.POST('/renders', { body: { template_id: CREATOMATE_TEMPLATE_IDS.productCard } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionError);
      expect(err).toMatchObject({ maybeSubmitted: true });
      expect(emu.faults.list()[0]).toMatchObject({ fired: 1 });
      expect(emu.state().accounts.flatMap((a) => a.renders)).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });

  it('webhooks: a 503 from the receiver is retried; both attempts are recorded and the final render arrived twice', async () => {
    const { render, received, deliveries } = await webhooks();
    expect(deliveries.map((d) => [d.attempt, d.responseStatus, d.ok, d.event, d.resourceId])).toEqual([
      [1, 503, false, 'succeeded', render.id],
      [2, 204, true, 'succeeded', render.id],
    ]);
    expect(new Set(deliveries.map((d) => d.deliveryId)).size).toBe(1);
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ id: render.id, status: 'succeeded', url: expect.stringMatching(/\.png$/) as unknown });
  });

  describe('admin, against an emulator "in another process"', () => {
    let emu: Emulator;
    const env = { ...process.env };
    beforeAll(async () => {
      emu = await startEmulator({ port: 0, clock: 'manual' });
      process.env.REELKIT_EMULATOR_URL = emu.url;
      process.env.REELKIT_LOG = 'off';
    });
    afterAll(async () => {
      process.env = env;
      await emu.close();
    });

    it('resets, injects a fault, advances the clock and reads faults, webhooks and state over HTTP', async () => {
      emu.reset();
      emu.clock.advance(1); // reset must not rewind the clock; the example's advance adds to it
      const before = emu.clock.now();
      const { done, faults: rules, deliveries, state } = await admin();
      expect(done.status).toBe('succeeded');
      expect(rules).toEqual([{ route: 'getRender', kind: '500', count: 1, fired: 1 }]);
      expect(deliveries).toEqual([]);
      expect(emu.clock.now() - before).toBe(60_000);
      expect(state.clock.mode).toBe('manual');
      expect(state.accounts).toHaveLength(1);
      expect(state.accounts[0]!.account).not.toContain('admin-example-key');
      expect(state.accounts[0]!.renders.map((r) => [r.id, r.status])).toEqual([[done.id, 'succeeded']]);
      expect(emu.faults.list()).toEqual([]); // the example's DELETE cleared them
    });
  });

  it.each(['manual-clock.ts', 'faults.ts', 'webhooks.ts', 'admin.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
