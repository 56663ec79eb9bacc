// A real redis-server for a test file: its own free 127.0.0.1 port and temp dir, stopped by its pid.
// Debian's redis-server (CI installs it through .ci/apt-packages).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type RedisConnection } from '../src/index.js';

export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  /** Stops it (SIGTERM by pid, then waits for the exit). Its data is gone: nothing is persisted. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop()). */
  start(): Promise<void>;
  /** stop() and remove its temp dir. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function untilListening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('redis-server did not start listening');
}

export interface RedisServerOptions {
  /**
   * Keep data across a restart (an append-only file synced on every write), as a ledger needs in
   * production. Default false: a restart loses everything.
   */
  persistent?: boolean;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'reelkit-redis-'));
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const persistence = options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence, '--loglevel', 'warning'], { stdio: 'ignore' });
    await untilListening(port, child);
  }
  async function stop(): Promise<void> {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.pid === undefined) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    process.kill(c.pid, 'SIGTERM');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid ?? -1;
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A redis-server for the calling test file (started before its tests, closed after them), and
 * `connection()`: a connection of its own each call, as a separate worker process would have,
 * closed with the server.
 */
export function useRedisServer(options: RedisServerOptions = {}): { server: () => RedisServer; connection: () => RedisConnection } {
  let server: RedisServer | undefined;
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    server = await startRedisServer(options);
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await server?.close();
  });
  return {
    server: () => server!,
    connection: () => {
      const c = connectRedis({ url: server!.url, commandTimeoutMs: 1000 });
      connections.push(c);
      return c;
    },
  };
}
