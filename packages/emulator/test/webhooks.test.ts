import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { operationSchemas as cmOps, zRender } from '@reelkit/core/creatomate';
import { operationSchemas as cfOps, zCustomTemplateJob } from '@reelkit/core/creatify';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS as T, type WebhookAttempt } from '../src/index.js';
import { cf, cm, emulator, testimonialVariables } from './helpers.js';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

/** A local receiver; `respond` decides each answer (status, or 'hang' to never answer). */
async function receiver(respond: (n: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      waiters.splice(0).forEach((w) => w());
      const answer = respond(received.length);
      if (answer === 'hang') return;
      res.writeHead(answer).end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Resolves once `n` requests have arrived. */
  const count = async (n: number) => {
    while (received.length < n) await new Promise<void>((r) => waiters.push(r));
    return received;
  };
  return { url, received, count };
}

describe('Creatomate webhooks', () => {
  test('POSTs the final Render once, at the terminal state, and records the attempt', async () => {
    const hook = await receiver();
    const emu = await emulator();
    const res = await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare, webhook_url: `${hook.url}/cm?s=1`, metadata: 'm-1' });
    const [r] = cmOps.createRender.response.parse(res.body);
    emu.clock.advance(500);
    await emu.webhooks.idle();
    expect(hook.received).toHaveLength(0);
    emu.clock.advance(60_000);
    const [got] = await hook.count(1);
    expect(got!.path).toBe('/cm?s=1');
    expect(got!.headers['content-type']).toBe('application/json');
    const render = zRender.parse(got!.body);
    expect(render).toMatchObject({ id: r!.id, status: 'succeeded', metadata: 'm-1' });
    expect(render.file_size).toBeGreaterThan(0);
    await emu.webhooks.idle();
    const attempts = emu.webhooks.deliveries();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ vendor: 'creatomate', resourceId: r!.id, event: 'succeeded', attempt: 1, ok: true, responseStatus: 200 });
    const viaAdmin = (await (await fetch(`${emu.url}/__emulator/webhooks`)).json()) as { deliveries: WebhookAttempt[] };
    expect(viaAdmin.deliveries).toHaveLength(1);
  });

  test('a failed render is delivered too', async () => {
    const hook = await receiver();
    const emu = await emulator();
    await cm(emu, 'POST', '/renders', { template_id: T.alwaysFails, webhook_url: hook.url });
    emu.clock.advance(60_000);
    const [got] = await hook.count(1);
    const failed = zRender.parse(got!.body);
    expect(failed.status).toBe('failed');
    expect(failed.error_message).toMatch(/__fail__/);
  });

  test('retries a non-2xx answer and records every attempt', async () => {
    const hook = await receiver((n) => (n < 3 ? 503 : 204));
    const emu = await emulator({ webhooks: { retries: 2, retryDelayMs: 5 } });
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare, webhook_url: hook.url });
    emu.clock.advance(60_000);
    await hook.count(3);
    await emu.webhooks.idle();
    const attempts = emu.webhooks.deliveries();
    expect(attempts.map((a) => [a.attempt, a.responseStatus, a.ok])).toEqual([[1, 503, false], [2, 503, false], [3, 204, true]]);
    expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(1);
  });

  test('times out a receiver that never answers and records the timeout', async () => {
    const hook = await receiver(() => 'hang');
    const emu = await emulator({ webhooks: { timeoutMs: 100, retries: 0 } });
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare, webhook_url: hook.url });
    emu.clock.advance(60_000);
    await hook.count(1);
    await emu.webhooks.idle();
    const [attempt] = emu.webhooks.deliveries();
    expect(attempt).toMatchObject({ ok: false, responseStatus: null });
    expect(attempt!.error).toMatch(/timed out/);
  });

  test('close() cancels a delivery in flight and its retries, leaving nothing running', async () => {
    const hook = await receiver(() => 'hang');
    const emu = await emulator({ webhooks: { timeoutMs: 60_000, retries: 3, retryDelayMs: 60_000 } });
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare, webhook_url: hook.url });
    emu.clock.advance(60_000);
    await hook.count(1);
    await emu.close();
    // Without cancellation this waits out the 60 s timeout and the retry delays (the test times out first).
    await emu.webhooks.idle();
    expect(hook.received).toHaveLength(1);
    expect(emu.webhooks.deliveries()).toHaveLength(1);
  });

  test('records a connection error', async () => {
    const emu = await emulator({ webhooks: { retries: 0 } });
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare, webhook_url: 'http://127.0.0.1:1/nothing' });
    emu.clock.advance(60_000);
    await emu.webhooks.idle();
    const [attempt] = emu.webhooks.deliveries();
    expect(attempt).toMatchObject({ ok: false, responseStatus: null });
    expect(attempt!.error).toMatch(/fetch failed|ECONNREFUSED/);
  });
});

test('Creatify webhooks carry the job on every status change, with `output` as well as video_output', async () => {
  const hook = await receiver();
  const emu = await emulator();
  const job = cfOps.custom_template_jobs_create.response.parse(
    (await cf(emu, 'POST', '/api/custom_template_jobs/', { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables, webhook_url: hook.url })).body,
  );
  emu.clock.advance(120_000);
  const got = await hook.count(3);
  await emu.webhooks.idle();
  const bodies = got.map((g) => g.body as { status: string; output: string | null });
  expect(bodies.map((b) => b.status)).toEqual(['in_queue', 'running', 'done']);
  const last = zCustomTemplateJob.parse(bodies[2]);
  expect(last.id).toBe(job.id);
  expect(last.video_output).toMatch(/video\.mp4$/);
  expect(bodies[2]!.output).toBe(last.video_output);
});
