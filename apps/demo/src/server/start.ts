// Starting the demo: the embedded emulator unless keys or base URLs are set, the clients, the
// server on 127.0.0.1. `pnpm demo` (main.ts) is a thin command around this; tests call it directly.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createCreatifyClient, createCreatomateClient, readEnv, ReelkitError, type CreatifyClient, type CreatomateClient, type PollInterval } from '@reelkit/core';
import { startEmulator, type Emulator, type EmulatorOptions } from '@reelkit/emulator';
import { createDemoApp, type DemoApp } from './app.js';

/** The JSON and SSE shapes of the demo's HTTP API (core's generated types inside). */
export type * from '../shared/api.js';

/** The variables that make the demo talk to real services instead of the embedded emulator. */
export const SERVICE_ENV = ['CREATOMATE_API_KEY', 'CREATIFY_API_ID', 'CREATIFY_API_KEY', 'REELKIT_CREATOMATE_URL', 'REELKIT_CREATIFY_URL'] as const;
/** Public base URL of this server for webhooks in live mode (e.g. a tunnel); unset: poll only. */
export const PUBLIC_URL_ENV = 'REELKIT_DEMO_PUBLIC_URL';

export const DEFAULT_PORT = 5173;

export interface StartDemoOptions {
  /** Default 5173; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Emulator options in emulator mode (default: real clock, 10× speed). */
  emulator?: EmulatorOptions;
  /** The key the demo uses with the embedded emulator (default: a fresh random one per run). */
  emulatorApiKey?: string;
  /** The built page; default `dist/web` next to the built server. */
  webRoot?: string | undefined;
  log?: (line: string) => void;
  /** Fallback polling schedule of renders and jobs (default 1 s growing to 3 s). */
  poll?: PollInterval;
}

export interface RunningDemo {
  url: string;
  port: number;
  mode: 'emulator' | 'live';
  /** The embedded emulator (emulator mode only). */
  emulator: Emulator | undefined;
  demo: DemoApp;
  close(): Promise<void>;
}

/** The port is taken: the message says what to do. */
export class PortInUseError extends ReelkitError {
  override readonly name: string = 'PortInUseError';
  constructor(readonly port: number) {
    super(`Port ${port} is already in use (another demo, or another app). Stop it, or pick another port: pnpm demo --port ${port + 1}`);
  }
}

export const usesRealServices = (): boolean => SERVICE_ENV.some((name) => readEnv(name) !== undefined);

/** A client from the environment, or undefined (with the reason logged) when its keys are not set. */
function fromEnv<T>(make: () => T, vendor: string, log: (line: string) => void): T | undefined {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof ReelkitError)) throw error;
    log(`${vendor} is off: ${error.message}`);
    return undefined;
  }
}

interface Clients {
  creatomate: CreatomateClient | undefined;
  creatify: CreatifyClient | undefined;
  emulator: Emulator | undefined;
}

async function clients(options: StartDemoOptions, log: (line: string) => void): Promise<Clients> {
  if (usesRealServices()) {
    return {
      creatomate: fromEnv(() => createCreatomateClient(), 'Creatomate', log),
      creatify: fromEnv(() => createCreatifyClient(), 'Creatify', log),
      emulator: undefined,
    };
  }
  const emulator = await startEmulator({ port: 0, clock: 'real', speed: 10, ...options.emulator });
  // The emulator takes any key; a fresh one per run keeps each run's renders on their own account.
  const apiKey = options.emulatorApiKey ?? `demo-${randomUUID()}`;
  return {
    creatomate: createCreatomateClient({ apiKey, baseUrl: emulator.creatomateUrl }),
    creatify: createCreatifyClient({ apiId: 'demo', apiKey, baseUrl: emulator.creatifyUrl }),
    emulator,
  };
}

function listen(server: ReturnType<typeof createAdaptorServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : new ReelkitError(`The demo server cannot listen on ${host}:${port}: ${error.message}`, { cause: error })));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(`[demo] ${line}`));
  const { creatomate, creatify, emulator } = await clients(options, log);
  let url = '';
  const publicUrl = readEnv(PUBLIC_URL_ENV)?.replace(/\/+$/, '');
  const demo = createDemoApp({
    creatomate,
    creatify,
    mode: emulator ? 'emulator' : 'live',
    // The emulator runs here and can call back; real services need a public URL.
    webhookBase: () => (emulator ? url : publicUrl),
    webRoot: options.webRoot ?? fileURLToPath(new URL('../web/', import.meta.url)),
    log,
    ...(options.poll ? { poll: options.poll } : {}),
  });
  const server = createAdaptorServer({ fetch: demo.app.fetch });
  let port: number;
  try {
    port = await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    demo.close();
    await emulator?.close();
    throw error;
  }
  url = `http://${host}:${port}`;
  return {
    url,
    port,
    mode: emulator ? 'emulator' : 'live',
    emulator,
    demo,
    async close() {
      demo.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // SSE streams are long-lived: drop them instead of waiting for the browser to leave.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await emulator?.close();
    },
  };
}
