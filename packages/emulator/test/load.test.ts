// Issue 11: the emulator keeps answering while it is flooded. A bounded loopback load (2,000 mixed
// creates and reads in flight, sent by a child process) with a health check every 50 ms; the bound
// is generous on purpose (the 50 ms target is measured by `pnpm bench:emulator`, not asserted here).
// The emulator runs as the CLI does (its build, in its own process), so the test process's own work
// is not in the emulator's event loop.
//
// What is asserted, and why not a tight wall-clock bound: on this 2-core machine, shared with other
// packages' suites (turbo runs them side by side), the slowest health answer swung 0.4–23 s with the OS
// scheduler before the request queue (src/http/scheduler.ts); it is tens of ms with it. Before the hardening, health waited behind the whole load (57 s,
// about the load's own length, answered about once). So the test asserts what separates the two:
// - health kept answering during the load: several checks, the slowest under 90% of the load phase
//   (scale-free: a starved CPU stretches both sides);
// - the slowest under 2 s (the bound) when the emulator had the CPU: its process got at least half a core over
//   the load phase (user + system time from /proc/<pid>/stat ÷ wall time). Less than that is reported
//   as a starved CPU (console.warn with the numbers) and only the relative bounds apply. The load
//   phase itself is bounded (LOAD_LIMIT_MS): past it the load is killed and the test fails saying so.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { FileBuilder } from '../src/builder.js';
import { CREATOMATE_TEMPLATE_IDS as T } from '../src/index.js';

const IN_FLIGHT = 2_000;
const KEY = 'load-test-key';
const HEALTH_BOUND_MS = 2_000;
const MIN_CPU_SHARE = 0.5;
const LOAD_LIMIT_MS = 90_000;
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

/** CPU seconds (user + system) the process has used, from Linux's /proc; undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (in USER_HZ = 100 ticks/s).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// Health checks go over one kept-alive connection, as a load balancer's do: a new connection would
// queue behind every connection the load opened before it (accepted and served in order).
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
afterEach(() => agent.destroy());
// A kept-alive socket the server closed while idle (its keep-alive timeout, reached when this process
// is starved between checks) resets the next request sent on it: retried once on a fresh socket, as
// Node's docs advise for reused sockets (https://nodejs.org/api/http.html#requestreusedsocket).
const health = (url: string, retried = false): Promise<number | undefined> =>
  new Promise<number | undefined>((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && err.code === 'ECONNRESET') resolve(health(url, true));
      else reject(err);
    });
  });

test('health checks keep answering (within 2 s unless the CPU is starved) while 2,000 mixed creates and reads are in flight, and every request is answered', async () => {
  expect(new FileBuilder().threaded).toBe(true); // the build has the worker: files are built off the event loop
  // The real clock, sped up: renders finish (and their files are built) during the load.
  const url = await startCli(['--port', '0', '--rate-limit', 'off', '--speed', '1000']);
  const emulatorPid = children[0]?.pid;
  const created = await fetch(`${url}/v1/renders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ template_id: T.productCard }),
  });
  const [first] = (await created.json()) as Array<{ id: string }>;
  expect(await health(`${url}/__emulator/health`)).toBe(200); // the probe's connection is open before the load

  const loadStarted = performance.now();
  const cpuBefore = cpuSeconds(emulatorPid);
  const load = spawn(process.execPath, [client, url, String(IN_FLIGHT), KEY, first!.id], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(load);
  let out = '';
  load.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const limit = setTimeout(() => load.kill(), LOAD_LIMIT_MS);
  const finished = new Promise<number | null>((resolve) => load.once('exit', resolve)).finally(() => clearTimeout(limit));
  let running = true;
  let loadMs = 0;
  let cpuMs = NaN; // NaN where /proc is missing: then the absolute bound applies
  void finished.then(() => {
    running = false;
    loadMs = performance.now() - loadStarted;
    cpuMs = ((cpuSeconds(emulatorPid) ?? NaN) - (cpuBefore ?? NaN)) * 1000;
  });

  let slowest = 0;
  let checks = 0;
  while (running) {
    const started = performance.now();
    expect(await health(`${url}/__emulator/health`)).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    checks++;
    await new Promise((r) => setTimeout(r, 50));
  }
  const exitCode = await finished;
  expect(exitCode, `the load phase took over ${LOAD_LIMIT_MS} ms and was stopped: the CPU is starved`).toBe(0);
  expect(JSON.parse(out)).toEqual({ 200: IN_FLIGHT / 2, 202: IN_FLIGHT / 2 });
  const share = cpuMs / loadMs;
  const report = `${checks} health checks, slowest ${Math.round(slowest)} ms, load phase ${Math.round(loadMs)} ms, emulator CPU ${Math.round(cpuMs)} ms (${share.toFixed(2)} core)`;
  console.log(`load test: ${report}`);
  expect(checks, report).toBeGreaterThanOrEqual(3);
  expect(slowest, report).toBeLessThan(loadMs * 0.9);
  if (share < MIN_CPU_SHARE) console.warn(`load test: CPU starved (the emulator got under ${MIN_CPU_SHARE} core); the ${HEALTH_BOUND_MS} ms bound is not applied: ${report}`);
  else expect(slowest, report).toBeLessThan(HEALTH_BOUND_MS);
}, 120_000);
