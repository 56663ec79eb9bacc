// The HTTP face of the emulator: Hono routes for every operation of both specs, with each vendor's
// auth, validation (from core's generated zod schemas), errors, rate limit and fault injection,
// plus the admin API under /__emulator. The parts live in ./http/; this file assembles them.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { MAX_BODY_BYTES as CREATOMATE_MAX_BODY } from '@reelkit/core/rules/creatomate';
import { MAX_BODY_BYTES as CREATIFY_MAX_BODY } from '@reelkit/core/rules/creatify';
import { Clock, type EmulatorClock } from './clock.js';
import { Engine } from './engine.js';
import { Faults, type FaultRule, type FaultState } from './faults.js';
import { adminApp, adminControls, type AdminControls, type EmulatorState } from './http/admin.js';
import { creatifyRoutes } from './http/creatify-routes.js';
import { creatomateRoutes } from './http/creatomate-routes.js';
import { installBodyLimits, installFallbacks, installRequestIds, routeChain } from './http/middleware.js';
import type { Env, EmulatorParts } from './http/parts.js';
import { okSender, router } from './http/router.js';
import { scheduled } from './http/scheduler.js';
import { Random } from './random.js';
import { CREATOMATE_RATE_LIMIT, SlidingWindowLimiter, type RateLimitOptions } from './ratelimit.js';
import { JsonlStore } from './store.js';
import { Webhooks, type WebhookAttempt, type WebhookOptions } from './webhooks.js';

export type { EmulatorState } from './http/admin.js';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. The CLI defaults to 4010. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** `manual`: time moves only with `clock.advance()` (tests). `real` (default): wall-clock × `speed`. */
  clock?: 'manual' | 'real';
  /** Lifecycle speed multiplier for the real clock (default 1; 10 = ten times faster). */
  speed?: number;
  /** Makes ids and fault draws reproducible. */
  seed?: string | number;
  /** Directory to keep state in across restarts (JSON-lines log); in-memory when omitted. */
  data?: string;
  /** Accepted API keys. Default: any non-empty key. Creatify accepts `X-API-KEY` or `X-API-ID:X-API-KEY`. */
  keys?: readonly string[];
  /** Creatomate's per-key limit (default 30 requests per 10 000 ms, sliding); `false` turns it off. */
  rateLimit?: false | RateLimitOptions;
  /** Faults active from the start (see FaultRule). */
  faults?: readonly FaultRule[];
  /** Largest accepted request body in bytes (default 5 MiB); larger ones get 413. */
  bodyLimit?: number;
  webhooks?: WebhookOptions;
  /**
   * Check every success response against the spec's response schema before sending it, and answer
   * 500 if it does not match (default true): the emulator never sends a body the spec forbids.
   */
  validateResponses?: boolean;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/v1' (Creatomate base URL) */
  creatomateUrl: string;
  /** url (Creatify base URL; its paths start with /api) */
  creatifyUrl: string;
  port: number;
  clock: EmulatorClock;
  /** Everything the admin `GET /__emulator/state` returns. */
  state(): EmulatorState;
  /** Forgets every render, job, webhook attempt and rate-limit window; faults go back to the start options. */
  reset(): void;
  faults: {
    list(): FaultState[];
    add(rule: FaultRule | readonly FaultRule[]): void;
    set(rules: readonly FaultRule[]): void;
    clear(): void;
  };
  webhooks: {
    /** Every delivery attempt, oldest first. */
    deliveries(): WebhookAttempt[];
    /** Resolves when no delivery is in flight. */
    idle(): Promise<void>;
    clear(): void;
  };
  close(): Promise<void>;
}

const LISTEN_BACKLOG = 4096;
const KEEP_ALIVE_MS = 65_000;

/** The stateful components, built from the options. */
function createParts(options: EmulatorOptions): EmulatorParts {
  const clock = new Clock(options.clock ?? 'real', options.speed ?? 1);
  const webhooks = new Webhooks(options.webhooks);
  const store = options.data ? new JsonlStore(options.data) : undefined;
  const faults = new Faults(options.seed, options.faults ?? []);
  return {
    clock,
    webhooks,
    engine: new Engine({ clock, random: new Random(options.seed, 'ids'), webhooks, store }),
    faults,
    initialFaults: faults.list(),
    limiter: options.rateLimit === false ? undefined : new SlidingWindowLimiter(options.rateLimit ?? CREATOMATE_RATE_LIMIT),
    keys: options.keys && options.keys.length > 0 ? new Set(options.keys) : undefined,
    validateResponses: options.validateResponses ?? true,
    maxBody: (vendor) => options.bodyLimit ?? (vendor === 'creatify' ? CREATIFY_MAX_BODY : CREATOMATE_MAX_BODY),
  };
}

/** The whole Hono app: fallbacks and middleware first, then both vendors' routes, then the admin API. */
function createApp(parts: EmulatorParts, controls: AdminControls): Hono<Env> {
  const app = new Hono<Env>();
  installFallbacks(app);
  installRequestIds(app);
  installBodyLimits(app, parts.maxBody);
  const route = router(app, parts.engine, routeChain(parts));
  const ok = okSender(parts.validateResponses);
  creatomateRoutes(route, parts.engine, ok);
  creatifyRoutes(route, parts.engine, ok);
  app.route('/__emulator', adminApp(parts, controls));
  return app;
}

/** Listens and answers with the server and its base URL. */
async function listen(app: Hono<Env>, options: EmulatorOptions): Promise<{ server: Server; port: number; url: string }> {
  // Requests wait their turn in a queue worked off one per event-loop turn (http/scheduler.ts), so a
  // health check is read and answered promptly however many requests are in flight.
  const server = createServer(scheduled(getRequestListener(app.fetch)).listener);
  // Under load a client's pool leaves some keep-alive sockets idle for seconds; Node's 5 s default then
  // closes them just as the client reuses one ("other side closed"). close() ends idle sockets itself.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Node's default accept backlog (511) drops connections of a burst, which then wait for SYN retries
    // (1 s, 3 s, …): a health check behind 2,000 connects waited seconds. The kernel caps it (somaxconn).
    server.listen({ port: options.port ?? 0, host, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, port, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}

/** Stops the engine and webhooks and the server, once however often it is called. */
function closer({ engine, webhooks }: EmulatorParts, server: Server): () => Promise<void> {
  let closed: Promise<void> | undefined;
  return () =>
    (closed ??= new Promise<void>((resolve) => {
      engine.close();
      webhooks.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }));
}

function emulatorHandle(parts: EmulatorParts, controls: AdminControls, listening: { url: string; port: number }, close: () => Promise<void>): Emulator {
  const { engine, faults, webhooks } = parts;
  const { url, port } = listening;
  return {
    url,
    creatomateUrl: `${url}/v1`,
    creatifyUrl: url,
    port,
    clock: parts.clock,
    state: controls.state,
    reset: controls.reset,
    faults: {
      list: () => faults.list(),
      add: (rule) => faults.add(rule),
      set: (rules) => faults.set(rules),
      clear: () => faults.clear(),
    },
    webhooks: {
      deliveries: () => webhooks.deliveries(),
      idle: async () => {
        await engine.settle(); // renders due to finish send their webhooks once their files exist
        await webhooks.idle();
      },
      clear: () => webhooks.clear(),
    },
    close,
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const parts = createParts(options);
  const controls = adminControls(parts);
  const { server, port, url } = await listen(createApp(parts, controls), options);
  parts.engine.baseUrl = url;
  parts.engine.sync();
  return emulatorHandle(parts, controls, { url, port }, closer(parts, server));
}
