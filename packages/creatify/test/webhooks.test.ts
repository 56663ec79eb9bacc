import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookPayloadError as CoreWebhookPayloadError } from '@reelkit/core';
import { parseJobWebhook, WebhookNotConfirmedError, WebhookPayloadError, type JobWebhook } from '../src/index.js';
import { harness, testimonialJob } from './helpers.js';

const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

describe('parseJobWebhook', () => {
  it('reads the create page shape ({video_output})', () => {
    const hook = parseJobWebhook({ id: ID, status: 'done', failed_reason: null, video_output: 'https://cdn.example.com/v.mp4' });
    expect(hook).toMatchObject({ id: ID, status: 'done', video_output: 'https://cdn.example.com/v.mp4', output_field: 'video_output', terminal: true });
  });

  it('reads the render page shape ({output})', () => {
    const hook = parseJobWebhook({ id: ID, status: 'done', failed_reason: null, output: 'https://cdn.example.com/v.mp4' });
    expect(hook).toMatchObject({ video_output: 'https://cdn.example.com/v.mp4', output_field: 'output', terminal: true });
  });

  it('reads a status-change delivery with no output and no failed_reason', () => {
    const hook = parseJobWebhook({ id: ID, status: 'running' });
    expect(hook).toMatchObject({ status: 'running', video_output: null, failed_reason: null, output_field: null, terminal: false });
  });

  it('reads failed and rejected deliveries with their reason, as terminal', () => {
    for (const status of ['failed', 'rejected'] as const) {
      expect(parseJobWebhook({ id: ID, status, failed_reason: 'moderation', video_output: null })).toMatchObject({ status, failed_reason: 'moderation', terminal: true });
    }
  });

  it('accepts the raw body as a string or bytes', () => {
    const body = JSON.stringify({ id: ID, status: 'done', output: 'https://cdn.example.com/v.mp4' });
    expect(parseJobWebhook(body).video_output).toBe('https://cdn.example.com/v.mp4');
    expect(parseJobWebhook(new TextEncoder().encode(body)).id).toBe(ID);
  });

  it.each([
    ['not JSON', '{"id":'],
    ['an array', '[]'],
    ['no id', { status: 'done' }],
    ['an id that is not a UUID', { id: '../../etc', status: 'done' }],
    ['a status Creatify does not have', { id: ID, status: 'error' }],
    ['an output that is not a string', { id: ID, status: 'done', output: 42 }],
  ])('refuses %s with WebhookPayloadError', (_name, body) => {
    expect(() => parseJobWebhook(body)).toThrow(WebhookPayloadError);
  });

  it("throws core's WebhookPayloadError, so one catch covers both vendors' webhook parsers", () => {
    expect(WebhookPayloadError).toBe(CoreWebhookPayloadError);
    for (const body of ['{"id":', { id: ID, status: 'error' }]) {
      expect(() => parseJobWebhook(body)).toThrow(CoreWebhookPayloadError);
    }
  });

  it('names the offending fields in issues', () => {
    const err = (() => {
      try {
        parseJobWebhook({ id: 'nope', status: 'error', output: 42 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CoreWebhookPayloadError);
    const issues = (err as CoreWebhookPayloadError).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['id', 'output', 'status']); // as @reelkit/renders names them
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });
});

interface Receiver {
  url: string;
  bodies: string[];
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A local webhook endpoint that records every body it receives. */
async function receiver(): Promise<Receiver> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/creatify`, bodies };
}

describe('webhooks delivered by the emulator', () => {
  it('parses every delivery of a job (one per status change) and confirms them against the API', async () => {
    const { emu, creatify, tick } = await harness();
    const hook = await receiver();
    const created = await creatify.jobs.create(testimonialJob('ok', { webhook_url: hook.url }));
    await creatify.jobs.waitFor(created.id, { onProgress: tick });
    await emu.webhooks.idle();

    const deliveries: JobWebhook[] = hook.bodies.map((b) => parseJobWebhook(b));
    expect(deliveries.map((d) => d.status)).toEqual(['in_queue', 'running', 'done']);
    expect(deliveries.every((d) => d.id === created.id)).toBe(true);
    const last = deliveries.at(-1)!;
    expect(last.terminal).toBe(true);
    expect(last.video_output).toMatch(/^http/);

    for (const delivery of deliveries) {
      const { job } = await creatify.confirmJobWebhook(delivery);
      expect(job.status).toBe('done');
      expect(job.video_output).toBe(last.video_output);
    }
    // The raw body works as well as a parsed delivery.
    expect((await creatify.confirmJobWebhook(hook.bodies.at(-1))).job.id).toBe(created.id);
    // The render page's shape: the URL under `output` only.
    const { video_output: _omitted, ...renderShape } = JSON.parse(hook.bodies.at(-1)!) as Record<string, unknown>;
    const fromOutput = parseJobWebhook(renderShape);
    expect(fromOutput).toMatchObject({ output_field: 'output', video_output: last.video_output });
    await expect(creatify.confirmJobWebhook(fromOutput)).resolves.toMatchObject({ job: { id: created.id } });
  });

  it('delivers the rejection of a job, which confirmation accepts', async () => {
    const { emu, creatify, tick } = await harness();
    const hook = await receiver();
    const created = await creatify.jobs.create(testimonialJob('__reject__', { webhook_url: hook.url }));
    await creatify.jobs.waitFor(created.id, { onProgress: tick, throwOnFailure: false });
    await emu.webhooks.idle();
    const last = parseJobWebhook(hook.bodies.at(-1));
    expect(last).toMatchObject({ status: 'rejected', terminal: true, video_output: null });
    expect(last.failed_reason).toBeTruthy();
    await expect(creatify.confirmJobWebhook(last)).resolves.toMatchObject({ job: { status: 'rejected' } });
  });

  it('rejects forged payloads: a swapped output URL, an unknown job, a failure the job does not show, a premature done', async () => {
    const { emu, creatify, tick } = await harness();
    const hook = await receiver();
    const finished = await creatify.jobs.createAndWait(testimonialJob('ok', { webhook_url: hook.url }), { onProgress: tick });
    await emu.webhooks.idle();
    const genuine = JSON.parse(hook.bodies.at(-1)!) as Record<string, unknown>;
    const pending = await creatify.jobs.create(testimonialJob());

    const forged: [string, Record<string, unknown>, RegExp][] = [
      ['swapped video_output', { ...genuine, video_output: 'https://evil.example.com/v.mp4', output: undefined }, /video_output/],
      ['swapped output', { id: finished.id, status: 'done', output: 'https://evil.example.com/v.mp4' }, /output/],
      ['unknown job', { ...genuine, id: '00000000-0000-4000-8000-000000000000' }, /no such job/],
      ['failure the job does not show', { id: finished.id, status: 'failed', failed_reason: 'x' }, /failed/],
      ['done before the job is', { id: pending.id, status: 'done' }, /done/],
    ];
    for (const [name, payload, reason] of forged) {
      const err = await creatify.confirmJobWebhook(payload).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(WebhookNotConfirmedError);
      expect((err as WebhookNotConfirmedError).reasons.join('; '), name).toMatch(reason);
    }
  });
});
