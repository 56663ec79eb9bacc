// The demo server: a Hono app that owns the API keys and talks to the services through the
// @reelkit packages only. The page calls this server and nothing else, so no key ever reaches it.
import { randomBytes } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import type { CreatifyClient, CreatomateClient, PollInterval } from '@reelkit/core';
import { createCreatify } from '@reelkit/creatify';
import { createRenders } from '@reelkit/renders';
import { Hono } from 'hono';
import type { Health } from '../shared/api.js';
import { startBatch } from './batch.js';
import type { DemoContext } from './context.js';
import { creatifyRoutes } from './creatify.js';
import { creatomateRoutes } from './creatomate.js';
import { DemoRequestError, errorAnswer } from './errors.js';
import { EventHub, streamEvents } from './events.js';
import { RenderHistory } from './history.js';
import { readJsonObject } from './input.js';

export interface DemoAppOptions {
  /** Core clients with the keys (undefined: that vendor is not configured). */
  creatomate?: CreatomateClient | undefined;
  creatify?: CreatifyClient | undefined;
  mode: Health['mode'];
  /** Where the vendors can reach this server (for webhook URLs); undefined: poll only. Read when a render starts. */
  webhookBase: () => string | undefined;
  /** The built page (`dist/web`); without it only the API is served. */
  webRoot?: string | undefined;
  /** Fallback polling schedule (default 1 s growing to 3 s). */
  poll?: PollInterval;
  log?: (line: string) => void;
}

export interface DemoApp {
  app: Hono;
  context: DemoContext;
  /** Stops background waits and closes the SSE streams. */
  close(): void;
}

function healthOf(options: DemoAppOptions): Health {
  const baseUrl = (client: CreatomateClient | CreatifyClient | undefined) => client?.baseUrl ?? '';
  return {
    mode: options.mode,
    creatomate: { configured: options.creatomate !== undefined, baseUrl: baseUrl(options.creatomate) },
    creatify: { configured: options.creatify !== undefined, baseUrl: baseUrl(options.creatify) },
    webhooks: options.webhookBase() !== undefined,
  };
}

export function createDemoApp(options: DemoAppOptions): DemoApp {
  const closing = new AbortController();
  const events = new EventHub();
  const renders = options.creatomate ? createRenders(options.creatomate) : undefined;
  const context: DemoContext = {
    renders,
    templates: renders?.templates,
    creatify: options.creatify ? createCreatify(options.creatify) : undefined,
    events,
    history: new RenderHistory(events),
    batches: new Map(),
    jobs: new Map(),
    secret: randomBytes(32).toString('base64url'),
    webhookBase: options.webhookBase,
    poll: options.poll ?? { initialMs: 1000, maxMs: 3000, factor: 1.5 },
    log: options.log ?? ((line) => console.log(`[demo] ${line}`)),
    closing: closing.signal,
    polls: new Map(),
  };

  const app = new Hono();
  app.get('/api/health', (c) => c.json(healthOf(options)));

  app.get('/api/events', (c) => streamEvents(c, events, closing.signal));

  app.route('/', creatomateRoutes(context));
  app.route('/', creatifyRoutes(context));

  const batches = new Hono();
  batches.onError((error, c) => {
    const { status, body } = errorAnswer(error, 'Creatomate');
    return c.json(body, status);
  });
  batches.post('/api/batches', async (c) => {
    if (!context.renders || !context.templates) throw new DemoRequestError('Creatomate is not configured on the demo server.', 'Start the demo with CREATOMATE_API_KEY set, or with no keys.', 503);
    return c.json(await startBatch(context, context.renders, context.templates, await readJsonObject(c.req.raw)), 202);
  });
  batches.get('/api/batches/:id', (c) => {
    const batch = context.batches.get(c.req.param('id'));
    return batch ? c.json(batch) : c.json(errorAnswer(new DemoRequestError('No such batch on this server.', 'Start a new batch.', 404), 'Creatomate').body, 404);
  });
  app.route('/', batches);

  app.all('/api/*', (c) => c.json(errorAnswer(new DemoRequestError(`No route ${c.req.method} ${c.req.path}.`, 'Reload the page.', 404), 'Creatomate').body, 404));
  if (options.webRoot) app.use('/*', serveStatic({ root: options.webRoot }));

  return {
    app,
    context,
    close: () => closing.abort(),
  };
}
