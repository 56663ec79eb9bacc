// Creatomate routes: gallery, template form (from inspectTemplate), live modification checks,
// renders with history, and the signed webhook receiver that feeds the page's live status.
import { randomUUID } from 'node:crypto';
import { linkSignals, NotFoundError } from '@reelkit/core';
import { isTerminal, type Renders } from '@reelkit/renders';
import { signWebhookUrl, verifyWebhookUrl, WebhookPayloadError } from '@reelkit/renders/webhooks';
import { inspectTemplate, validateModifications, type Templates } from '@reelkit/templates';
import { Hono } from 'hono';
import type { Render, TemplateForm } from '../shared/api.js';
import type { DemoContext } from './context.js';
import { DemoRequestError, errorAnswer } from './errors.js';
import { readJsonObject, recordOf } from './input.js';

const notConfigured = () =>
  new DemoRequestError(
    'Creatomate is not configured on the demo server.',
    'Start the demo with CREATOMATE_API_KEY set, or with no keys at all to use the embedded emulator.',
    503,
  );

function need(ctx: DemoContext): { renders: Renders; templates: Templates } {
  if (!ctx.renders || !ctx.templates) throw notConfigured();
  return { renders: ctx.renders, templates: ctx.templates };
}

/**
 * Polls a render until it finishes, unless a verified webhook finishes it first (the poll is then
 * stopped). Creatomate calls back only when a render is final, so the poll also shows the steps.
 */
function watchRender(ctx: DemoContext, renders: Renders, key: string, id: string): void {
  const stop = new AbortController();
  const linked = linkSignals(ctx.closing, stop.signal);
  ctx.polls.set(key, stop);
  renders
    .waitFor(id, {
      interval: ctx.poll,
      throwOnFailure: false,
      signal: linked.signal,
      onProgress: (render) => void ctx.history.record(key, render, 'poll'),
    })
    .then((render) => ctx.history.record(key, render, 'poll'))
    .catch((error: unknown) => {
      if (!linked.signal.aborted) ctx.log(`polling render ${id} stopped: ${errorAnswer(error, 'Creatomate').body.error.message}`);
    })
    .finally(() => {
      linked.dispose();
      ctx.polls.delete(key);
    });
}

export function creatomateRoutes(ctx: DemoContext): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    const { status, body } = errorAnswer(error, 'Creatomate');
    if (status >= 500) ctx.log(`creatomate: ${body.error.message}`);
    return c.json(body, status);
  });

  app.get('/api/templates', async (c) => c.json(await need(ctx).templates.list()));

  app.get('/api/templates/:id', async (c) => {
    const template = await need(ctx).templates.get(c.req.param('id'));
    const { elements, placeholders } = inspectTemplate(template.source ?? {});
    return c.json({ template, elements, placeholders } satisfies TemplateForm);
  });

  // Live checking as the person types: the same check `renders.create({ validate: true })` runs.
  app.post('/api/templates/:id/check', async (c) => {
    const { modifications } = await readJsonObject(c.req.raw);
    const template = await need(ctx).templates.get(c.req.param('id'));
    return c.json({ problems: validateModifications(template.source ?? {}, recordOf(modifications, 'modifications')) });
  });

  app.get('/api/renders', (c) => c.json(ctx.history.list()));

  app.post('/api/renders', async (c) => {
    const { renders } = need(ctx);
    const body = await readJsonObject(c.req.raw);
    if (typeof body.template_id !== 'string') throw new DemoRequestError('template_id is missing.', 'Pick a template first.');
    const key = randomUUID();
    const base = ctx.webhookBase();
    const webhook_url = base ? await signWebhookUrl(`${base}/hooks/creatomate`, ctx.secret, key) : undefined;
    const [render] = await renders.create(
      // Checked against the template first (the package's default): a bad field is refused before anything is sent.
      { template_id: body.template_id, modifications: recordOf(body.modifications, 'modifications'), metadata: key, ...(webhook_url ? { webhook_url } : {}) },
    );
    if (!render) throw new DemoRequestError('Creatomate created no render.', 'Try again.', 502);
    const entry = ctx.history.record(key, render, 'create');
    watchRender(ctx, renders, key, render.id);
    return c.json(entry, 201);
  });

  // Creatomate signs nothing: the URL carries reelkit's token, and the render is re-fetched.
  app.post('/hooks/creatomate', async (c) => {
    const { renders } = need(ctx);
    const check = await verifyWebhookUrl(c.req.url, ctx.secret);
    if (!check.valid) {
      ctx.log(`refused a Creatomate webhook (${check.reason}) from ${c.req.header('user-agent') ?? 'unknown agent'}`);
      return c.json({ error: 'not a webhook URL this server signed' }, 401);
    }
    let render: Render;
    try {
      render = await renders.confirmRenderWebhook(await c.req.arrayBuffer(), { renderKey: check.renderKey, secret: ctx.secret });
    } catch (error) {
      if (!(error instanceof WebhookPayloadError || error instanceof NotFoundError)) throw error;
      ctx.log(`refused a Creatomate webhook for ${check.renderKey}: ${error.message}`);
      return c.json({ error: 'the delivery does not match a render of this key' }, error instanceof NotFoundError ? 404 : 400);
    }
    // The token proves this server made the URL for this key; the render was re-fetched and belongs to it.
    ctx.history.record(check.renderKey, render, 'webhook');
    if (isTerminal(render)) ctx.polls.get(check.renderKey)?.abort();
    return c.json({ ok: true });
  });

  return app;
}
