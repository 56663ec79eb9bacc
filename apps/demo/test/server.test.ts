// The demo server's routes against the embedded emulator, as `pnpm demo` runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCreatomateClient } from '@reelkit/core';
import { CREATIFY_TEMPLATE_IDS as CF, CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { createRenders } from '@reelkit/renders';
import { signWebhookUrl } from '@reelkit/renders/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/app.js';
import type { BatchView, CreditEstimates, DemoEvent, ErrorBody, Health, HistoryEntry, JobView, Render, TemplateForm } from '../src/shared/api.js';
import { KEY, openEvents, start, WEB_ROOT, type Started } from './helpers.js';

let demo: Started;
beforeAll(async () => {
  demo = await start();
});
afterAll(async () => {
  await demo.close();
});

/** Renders stored by the emulator for the demo's key. */
const emulatorRenders = () => createRenders(createCreatomateClient({ apiKey: KEY, baseUrl: demo.emulator!.creatomateUrl })).list({ limit: 100 });

const renderEvents = (events: DemoEvent[], key: string) =>
  events.flatMap((e) => (e.type === 'render' && e.entry.key === key ? [e.entry] : []));

describe('Creatomate routes', () => {
  it('reports emulator mode with webhooks on, and no key', async () => {
    const { status, json } = await demo.call<Health>('/api/health');
    expect(status).toBe(200);
    expect(json).toMatchObject({ mode: 'emulator', webhooks: true, creatomate: { configured: true, baseUrl: demo.emulator!.creatomateUrl } });
  });

  it('lists the gallery and builds a form from inspectTemplate', async () => {
    const list = await demo.call<{ id: string; name: string }[]>('/api/templates');
    expect(list.json.map((t) => t.name)).toContain('Product Card');
    const { json } = await demo.call<TemplateForm>(`/api/templates/${T.productCard}`);
    expect(json.template).toMatchObject({ width: 1200, height: 628 });
    expect(json.elements.map((e) => e.name)).toEqual(expect.arrayContaining(['Product-Name', 'Product-Image', 'Badge-Text']));
    expect(json.placeholders.map((p) => p.name)).toContain('price');
  });

  it('checks modifications live: a bad URL and a misspelt key, with a suggestion', async () => {
    const { json } = await demo.call<{ problems: { key: string; message: string; suggestion?: string }[] }>(`/api/templates/${T.productCard}/check`, {
      modifications: { 'Product-Image': 'not a url', 'Product-Nme': 'x' },
    });
    expect(json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'Product-Image', message: expect.stringContaining('expects a URL') as unknown }),
        expect.objectContaining({ key: 'Product-Nme', suggestion: 'Product-Name' }),
      ]),
    );
  });

  it('refuses a render with a bad URL before anything reaches the emulator', async () => {
    const before = (await emulatorRenders()).length;
    const { status, json } = await demo.call<ErrorBody>('/api/renders', { template_id: T.productCard, modifications: { 'Product-Image': 'not a url' } });
    expect(status).toBe(422);
    expect(json.error.problems).toEqual([expect.objectContaining({ key: 'Product-Image' })]);
    expect(json.error.action).toMatch(/nothing was submitted/);
    expect(await emulatorRenders()).toHaveLength(before);
  });

  it('renders, streams the status over SSE and finishes from the signed webhook', async () => {
    const events = await openEvents(demo.url);
    const { status, json: created } = await demo.call<HistoryEntry>('/api/renders', { template_id: T.productCard, modifications: { 'Product-Name': 'Trail Runner 4' } });
    expect(status).toBe(201);
    expect(['planned', 'waiting', 'transcribing', 'rendering']).toContain(created.render.status); // 100× speed: it may have moved on
    const seen = await events.until((e) => renderEvents(e, created.key).some((entry) => entry.render.status === 'succeeded'));
    events.close();
    const last = renderEvents(seen, created.key).at(-1)!;
    expect(last.render).toMatchObject({ status: 'succeeded', width: 1200, height: 628, modifications: { 'Product-Name': 'Trail Runner 4' } });
    await demo.emulator!.webhooks.idle();
    const delivery = demo.emulator!.webhooks.deliveries().find((d) => d.resourceId === created.render.id);
    expect(delivery).toMatchObject({ responseStatus: 200, ok: true });
    expect(delivery!.url).toContain(`${demo.url}/hooks/creatomate?reelkit_key=${created.key}`);
    // The history (what a reload shows) has it too.
    const history = await demo.call<HistoryEntry[]>('/api/renders');
    expect(history.json.find((e) => e.key === created.key)?.render.status).toBe('succeeded');
  });

  it('shows a failed render with the vendor reason', async () => {
    const events = await openEvents(demo.url);
    const { json: created } = await demo.call<HistoryEntry>('/api/renders', { template_id: T.alwaysFails, modifications: {} });
    const seen = await events.until((e) => renderEvents(e, created.key).some((entry) => entry.render.status === 'failed'));
    events.close();
    expect(renderEvents(seen, created.key).at(-1)!.render.error_message).toMatch(/__fail__/);
  });

  it('refuses forged webhooks and logs them', async () => {
    const [real] = await emulatorRenders();
    const post = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).status;
    expect(await post(`${demo.url}/hooks/creatomate`, real)).toBe(401);
    expect(await post(`${demo.url}/hooks/creatomate?reelkit_key=${real!.metadata}&reelkit_sig=AAAA`, real)).toBe(401);
    // A correctly signed URL (it is public in every render's webhook_url) replayed for another key.
    const stolen = await signWebhookUrl(`${demo.url}/hooks/creatomate`, demo.demo.context.secret, 'someone-else');
    expect(await post(stolen, real)).toBe(400);
    expect(demo.logs.filter((l) => l.startsWith('refused a Creatomate webhook'))).toHaveLength(3);
  });

  it('runs a CSV batch: 4 succeed, the failing row reports its reason, summary counts both', async () => {
    const csv = ['quote,author,template_id', 'One,Ada,', 'Two,Grace,', 'Three,Alan,', 'Four,Edsger,', `,,${T.alwaysFails}`].join('\n');
    const events = await openEvents(demo.url);
    const { status, json: started } = await demo.call<BatchView>('/api/batches', { csv, template_id: T.quoteSquare });
    expect(status).toBe(202);
    expect(started.items.map((i) => i.status)).toEqual(Array(5).fill('pending'));
    await events.until((e) => e.some((x) => x.type === 'batch' && x.batch.id === started.id && x.batch.summary !== null));
    events.close();
    const { json: batch } = await demo.call<BatchView>(`/api/batches/${started.id}`);
    expect(batch.summary).toEqual({ total: 5, succeeded: 4, failed: 1, submitted: 0, rejected: 0, unknown: 0, skipped: 0, error: 0 });
    expect(batch.items[4]).toMatchObject({ status: 'failed', reason: expect.stringContaining('__fail__') as unknown });
    expect(batch.items[0]!.render).toMatchObject({ status: 'succeeded', modifications: { quote: 'One', author: 'Ada' } });
  });

  it('runs a batch of every template with a tag', async () => {
    const events = await openEvents(demo.url);
    const { json: started } = await demo.call<BatchView>('/api/batches', { tag: 'promo' });
    expect(started.items.map((i) => i.label).sort()).toEqual(['Story Promo', 'Weekly Digest GIF']);
    await events.until((e) => e.some((x) => x.type === 'batch' && x.batch.id === started.id && x.batch.summary !== null));
    events.close();
  });

  it.each([
    [{ csv: 'quote\n"unclosed' }, /CSV cannot be read/],
    [{ csv: 'quote,author' }, /no rows/],
    [{}, /Nothing to render/],
    [{ tag: 'no-such-tag' }, /No template has the tag/],
  ])('answers a batch request it cannot run with what to do (%j)', async (body, message) => {
    const { status, json } = await demo.call<ErrorBody>('/api/batches', body);
    expect(status).toBe(400);
    expect(json.error.message).toMatch(message);
    expect(json.error.action.length).toBeGreaterThan(0);
  });

  it('answers an unknown API route and batch with 404 JSON', async () => {
    expect((await demo.call<ErrorBody>('/api/nope')).status).toBe(404);
    expect((await demo.call<ErrorBody>('/api/batches/none')).status).toBe(404);
  });
});

describe('Creatify routes', () => {
  const values = { product_name: 'Desk Lamp', product_image: 'https://cdn.example.com/lamp.jpg' };

  it('lists templates and shows variable definitions', async () => {
    const list = await demo.call<{ template_id: string }[]>('/api/creatify/templates');
    expect(list.json.map((t) => t.template_id)).toContain(CF.productShowcase);
    const { json } = await demo.call<{ variables: Record<string, { type: string; required?: boolean }> }>(`/api/creatify/templates/${CF.productShowcase}`);
    expect(json.variables.product_image).toMatchObject({ type: 'image', required: true });
  });

  it('checks variables: a missing required one and a bad media URL', async () => {
    const { json } = await demo.call<{ problems: { name: string; reason: string }[] }>('/api/creatify/check', {
      template_id: CF.productShowcase,
      values: { product_image: 'nope' },
    });
    expect(json.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'product_name', reason: 'missing_required' }), expect.objectContaining({ name: 'product_image', reason: 'bad_url' })]),
    );
  });

  it('estimates credits from the job input with the package, saying what it assumed', async () => {
    const { json } = await demo.call<CreditEstimates>('/api/creatify/estimate', { template_id: CF.productShowcase, values, model_version: 'standard', minimumSeconds: 31 });
    expect([json.preview.credits, json.render.credits, json.create.credits]).toEqual([2, 8, 10]);
    expect(json.create.assumption.text).toMatch(/2 spoken words/);
    expect((await demo.call<ErrorBody>('/api/creatify/estimate', { template_id: CF.productShowcase, minimumSeconds: -1 })).status).toBe(400);
  });

  it('previews, renders after approval and reports the video, fed by webhooks', async () => {
    const events = await openEvents(demo.url);
    const { status, json: created } = await demo.call<JobView>('/api/creatify/previews', { template_id: CF.productShowcase, values });
    expect(status).toBe(201);
    const id = created.job.id;
    const isJob = (e: DemoEvent, stage: string, done: (v: JobView) => boolean) => e.type === 'job' && e.view.job.id === id && e.view.stage === stage && done(e.view);
    await events.until((e) => e.some((x) => isJob(x, 'preview', (v) => v.job.status === 'done' && v.job.preview !== null)));
    const rendered = await demo.call<JobView>(`/api/creatify/jobs/${id}/render`, {});
    expect(rendered.status).toBe(201);
    const seen = await events.until((e) => e.some((x) => isJob(x, 'render', (v) => v.job.status === 'done' && v.job.video_output !== null)));
    events.close();
    expect(seen.some((x) => x.type === 'job' && x.view.updated_by === 'webhook')).toBe(true);
    const { json } = await demo.call<JobView>(`/api/creatify/jobs/${id}`);
    expect(json.job.video_output).toMatch(new RegExp(`^${demo.emulator!.url}/`));
  });

  it('refuses to render a job whose preview is not done', async () => {
    const { json: created } = await demo.call<JobView>('/api/creatify/previews', { template_id: CF.productShowcase, values });
    const { status, json } = await demo.call<ErrorBody>(`/api/creatify/jobs/${created.job.id}/render`, {});
    expect(status).toBe(400);
    expect(json.error.action).toMatch(/Wait for the preview/);
  });

  it('refuses a preview with invalid variables, billing nothing', async () => {
    const { status, json } = await demo.call<ErrorBody>('/api/creatify/previews', { template_id: CF.productShowcase, values: { product_name: 'x' } });
    expect(status).toBe(422);
    expect(json.error.problems).toEqual([expect.objectContaining({ key: 'product_image' })]);
  });

  it('refuses forged Creatify webhooks and logs them', async () => {
    const status = async (url: string) => (await fetch(url, { method: 'POST', body: '{"id":"x","status":"done"}' })).status;
    expect(await status(`${demo.url}/hooks/creatify`)).toBe(401);
    expect(await status(await signWebhookUrl(`${demo.url}/hooks/creatify`, demo.demo.context.secret, 'a-key-never-handed-out'))).toBe(401);
    expect(demo.logs.filter((l) => l.startsWith('refused a Creatify webhook'))).toHaveLength(2);
  });
});

describe('webhooks first, polling as the fallback', () => {
  it('a verified final webhook stops the fallback polls of a render and of a job', async () => {
    // Polls a minute apart: only the webhooks can finish these in time.
    const slow = await start({ poll: { initialMs: 60_000, maxMs: 60_000 } });
    try {
      const events = await openEvents(slow.url);
      const { json: entry } = await slow.call<HistoryEntry>('/api/renders', { template_id: T.quoteSquare, modifications: { quote: 'Hi' } });
      const { json: job } = await slow.call<JobView>('/api/creatify/previews', { template_id: CF.productShowcase, values: { product_name: 'Lamp', product_image: 'https://cdn.example.com/lamp.jpg' } });
      await events.until((e) =>
        renderEvents(e, entry.key).some((x) => x.render.status === 'succeeded') &&
        e.some((x) => x.type === 'job' && x.view.job.id === job.job.id && x.view.job.status === 'done'),
      );
      events.close();
      // Both finished long before a second poll was due (a minute), so webhooks finished them. The
      // first, immediate poll can still land after a fast render finished on a loaded machine, so
      // each may say 'poll'; at least one must have been finished by its webhook.
      const sources = [slow.demo.context.history.get(entry.key)?.updated_by, slow.demo.context.jobs.get(job.job.id)?.updated_by];
      expect(sources).toContain('webhook');
      await expect.poll(() => slow.demo.context.polls.size).toBe(0);
    } finally {
      await slow.close();
    }
  });
});

describe('errors and keys', () => {
  it('says the service is unreachable and what to do, instead of a stack', async () => {
    const dead = createDemoApp({
      mode: 'live',
      creatomate: createCreatomateClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0 }),
      webhookBase: () => undefined,
      log: () => undefined,
    });
    const res = await dead.app.request('/api/templates');
    const body = (await res.json()) as ErrorBody;
    dead.close();
    expect(res.status).toBe(503);
    expect(body.error).toMatchObject({ code: 'vendor_unreachable', action: expect.stringContaining('running') as unknown });
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  });

  it('says Creatify is not configured when it has no keys', async () => {
    const partial = createDemoApp({ mode: 'live', webhookBase: () => undefined, log: () => undefined });
    const res = await partial.app.request('/api/creatify/templates');
    partial.close();
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.action).toMatch(/CREATIFY_API_KEY/);
  });

  it('never puts the key in a response or a served asset', async () => {
    expect(demo.bodies.length).toBeGreaterThan(20);
    for (const body of demo.bodies) expect(body).not.toContain(KEY);
    const files = readdirSync(WEB_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const served = await fetch(`${demo.url}/${file}`);
      expect(served.status).toBe(200);
      const text = await served.text();
      expect(text).toBe(readFileSync(join(WEB_ROOT, file), 'utf8'));
      expect(text).not.toContain(KEY);
    }
    const history = await demo.call<HistoryEntry[]>('/api/renders');
    const render: Render | undefined = history.json[0]?.render;
    expect(render).toBeDefined();
  });
});
