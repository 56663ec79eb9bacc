// Issue 11: the emulator keeps answering while it is flooded. A bounded loopback load (2,000 mixed
// creates and reads in flight, sent by a child process) with a health check every 50 ms; the bound
// is generous on purpose (the 50 ms target is measured by `pnpm bench:emulator`, not asserted here).
// The emulator runs as the CLI does (its build, in its own process), so the test process's own work
// is not in the emulator's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { afterEach, expect, test } from 'vitest';
import { FileBuilder } from '../src/builder.js';
import { CREATOMATE_TEMPLATE_IDS as T } from '../src/index.js';

const IN_FLIGHT = 2_000;
const KEY = 'load-test-key';
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const client = fileURLToPath(new URL('./fixtures/load-client.mjs', import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** Starts the emulator CLI and resolves with its URL. */
function startCli(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}: ${out}`)));
  });
}

// Health checks go over one kept-alive connection, as a load balancer's do: a new connection would
// queue behind every connection the load opened before it (accepted and served in order).
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
afterEach(() => agent.destroy());
const health = (url: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject);
  });

test('health checks answer within 2 s while 2,000 mixed creates and reads are in flight, and every request is answered', async () => {
  expect(new FileBuilder().threaded).toBe(true); // the build has the worker: files are built off the event loop
  // The real clock, sped up: renders finish (and their files are built) during the load.
  const url = await startCli(['--port', '0', '--rate-limit', 'off', '--speed', '1000']);
  const created = await fetch(`${url}/v1/renders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ template_id: T.productCard }),
  });
  const [first] = (await created.json()) as Array<{ id: string }>;
  expect(await health(`${url}/__emulator/health`)).toBe(200); // the probe's connection is open before the load

  const load = spawn(process.execPath, [client, url, String(IN_FLIGHT), KEY, first!.id], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(load);
  let out = '';
  load.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const finished = new Promise<number | null>((resolve) => load.once('exit', resolve));
  let running = true;
  void finished.then(() => (running = false));

  let slowest = 0;
  let checks = 0;
  while (running) {
    const started = performance.now();
    expect(await health(`${url}/__emulator/health`)).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    checks++;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await finished).toBe(0);
  expect(JSON.parse(out)).toEqual({ 200: IN_FLIGHT / 2, 202: IN_FLIGHT / 2 });
  expect(checks).toBeGreaterThan(0);
  console.log(`load test: ${checks} health checks, slowest ${Math.round(slowest)} ms`);
  expect(slowest).toBeLessThan(2_000);
}, 120_000);
