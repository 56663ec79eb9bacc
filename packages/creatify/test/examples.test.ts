// The README's examples are the files in examples/, run here against a real-clock emulator.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCreatifyClient } from '@reelkit/core';
import { startEmulator, type Emulator } from '@reelkit/emulator';
import { createCreatify, type CustomTemplateJob } from '../src/index.js';
import { main as previewThenRender } from '../examples/preview-then-render.js';
import { main as quickstart } from '../examples/quickstart.js';
import { webhookReceiver } from '../examples/webhook-receiver.js';
import { testimonialJob } from './helpers.js';

let emu: Emulator;
const env = { ...process.env };
beforeAll(async () => {
  // Real clock, 100× faster: the examples use default polling as a user would.
  emu = await startEmulator({ port: 0, clock: 'real', speed: 100 });
  process.env.CREATIFY_API_ID = 'example-id';
  process.env.CREATIFY_API_KEY = 'example-key';
  process.env.REELKIT_CREATIFY_URL = emu.creatifyUrl;
  process.env.REELKIT_LOG = 'off';
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(async () => {
  process.env = env;
  vi.restoreAllMocks();
  await emu.close();
});

describe('examples', () => {
  it('quickstart renders a testimonial and returns its video URL', async () => {
    expect(await quickstart()).toMatch(new RegExp(`^${emu.url}/`));
  });

  it('preview-then-render previews, approves and renders', async () => {
    expect(await previewThenRender()).toMatch(new RegExp(`^${emu.url}/`));
  });

  it('webhook-receiver hands over the confirmed finished job once', async () => {
    const creatify = createCreatify(createCreatifyClient());
    const finished: CustomTemplateJob[] = [];
    let resolve!: () => void;
    const arrived = new Promise<void>((r) => (resolve = r));
    const server = webhookReceiver(creatify, (job) => {
      finished.push(job);
      resolve();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/creatify`;
      const job = await creatify.jobs.create(testimonialJob('ok', { webhook_url: url }));
      await arrived;
      await emu.webhooks.idle();
      expect(finished.map((j) => [j.id, j.status])).toEqual([[job.id, 'done']]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it.each(['quickstart.ts', 'preview-then-render.ts', 'webhook-receiver.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
