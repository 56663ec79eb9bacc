// Starting the demo: the port rules of `pnpm demo` and the mode it picks from the environment.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, SERVICE_ENV, startDemo, usesRealServices } from '../src/server/start.js';
import './helpers.js'; // the page must be built

const MAIN = new URL('../dist/server/main.js', import.meta.url).pathname;
const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

/** A port someone else already listens on. */
async function takenPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise((r) => server.close(() => r())) };
}

describe('starting the demo', () => {
  it('refuses a taken port with a message that says what to do', async () => {
    for (const name of SERVICE_ENV) delete process.env[name];
    const taken = await takenPort();
    try {
      const error = await startDemo({ port: taken.port, log: () => undefined }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(`Port ${taken.port} is already in use (another demo, or another app). Stop it, or pick another port: pnpm demo --port ${taken.port + 1}`);
    } finally {
      await taken.close();
    }
  });

  it('pnpm demo prints that message and exits 1 on a taken port', async () => {
    const taken = await takenPort();
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(SERVICE_ENV as readonly string[]).includes(k)));
    try {
      const result = await promisify(execFile)(process.execPath, [MAIN, '--port', String(taken.port)], { env: clean }).catch((e: unknown) => e as { code: number; stderr: string });
      expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining(`Port ${taken.port} is already in use`) as unknown });
    } finally {
      await taken.close();
    }
  });

  it('pnpm demo refuses a port that is not a number', async () => {
    const result = await promisify(execFile)(process.execPath, [MAIN, '--port', 'abc']).catch((e: unknown) => e as { code: number; stderr: string });
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('--port must be a whole number') as unknown });
  });

  it('uses the real services when any key or base URL is set, the emulator otherwise', () => {
    for (const name of SERVICE_ENV) delete process.env[name];
    expect(usesRealServices()).toBe(false);
    process.env.REELKIT_CREATIFY_URL = 'http://127.0.0.1:9';
    expect(usesRealServices()).toBe(true);
  });

  it('in live mode without a public URL, renders get no webhook and are polled', async () => {
    for (const name of SERVICE_ENV) delete process.env[name];
    process.env.CREATOMATE_API_KEY = 'live-key-not-used';
    process.env.REELKIT_CREATOMATE_URL = 'http://127.0.0.1:9/v1';
    delete process.env.REELKIT_DEMO_PUBLIC_URL;
    const demo = await startDemo({ port: 0, log: () => undefined });
    try {
      const health = (await (await fetch(`${demo.url}/api/health`)).json()) as { mode: string; webhooks: boolean; creatify: { configured: boolean } };
      expect(health).toMatchObject({ mode: 'live', webhooks: false, creatify: { configured: false } });
      expect(demo.emulator).toBeUndefined();
    } finally {
      await demo.close();
    }
  });
});
