// pnpm bench:emulator — sustained requests/s for GET /v1/renders/{id} against the emulator on
// loopback (rate limit off), next to a bare node:http server answering the same bytes (the ceiling
// for one Node process on this machine). Each server runs in its own child process; autocannon
// drives the load from this one. Then the health check under load (issue 11): /__emulator/health
// probed every 20 ms from this process while another process keeps 2,000 mixed creates and reads in
// flight, next to the same probe on the idle emulator and on a bare node:http server under the same
// load (same run). Writes the `## emulator` section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '../packages/emulator/dist/cli.js');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LOAD_CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 2000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const KEY = 'bench-key';
const { fetch } = globalThis;

/** Starts a child process and resolves with the first http://127.0.0.1:PORT it prints. */
function startChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${out}`)));
  });
}

function run(url, headers, duration = DURATION) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const summary = (r) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});

// 1. The emulator, one finished render to fetch.
const emu = await startChild([cli, '--port', '0', '--rate-limit', 'off', '--speed', '1000']);
const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const [render] = await (await fetch(`${emu.url}/v1/renders`, { method: 'POST', headers: auth, body: JSON.stringify({ template_id: '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22' }) })).json();
const target = `${emu.url}/v1/renders/${render.id}`;
let body = '';
for (let tries = 0; tries < 200 && !body.includes('"succeeded"'); tries++) {
  await sleep(50); // its file is built in the emulator's worker thread
  body = await (await fetch(target, { headers: auth })).text();
}
if (!body.includes('"succeeded"')) throw new Error(`render not finished: ${body}`);
await run(target, auth, 1); // warm-up (JIT), discarded
const emulator = summary(await run(target, auth));

/** Probes `url` every 20 ms until `done` settles; latencies in ms. */
async function probe(url, done) {
  let over = false;
  void done.then(() => (over = true));
  const ms = [];
  while (!over) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    ms.push(performance.now() - t);
    await sleep(20);
  }
  return ms;
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const latency = (ms) => ({ n: ms.length, p50: pct(ms, 50).toFixed(1), p99: pct(ms, 99).toFixed(1), max: Math.max(...ms).toFixed(1) });
/** Runs the load child against `url` and probes `healthUrl` meanwhile. */
async function underLoad(url, healthUrl) {
  const child = spawn(process.execPath, [join(here, 'emulator-load.mjs'), url, String(LOAD_SECONDS), String(LOAD_CONNECTIONS), KEY, render.id], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await sleep(500); // let the connections open and the load settle in
  const ms = await probe(healthUrl, exited);
  return { ...latency(ms), statuses: JSON.parse(out) };
}

// 2. The health check, idle and under load.
const health = `${emu.url}/__emulator/health`;
const idle = latency(await probe(health, sleep(3000)));
const loaded = await underLoad(emu.url, health);
emu.child.kill();

// 2. Baseline: node:http answering the same JSON with no routing, auth or validation.
const baselineSrc = `
  const http = require('node:http');
  const body = Buffer.from(${JSON.stringify(body)});
  http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); res.end(body); })
    .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;
const base = await startChild(['-e', baselineSrc]);
const baseline = summary(await run(`${base.url}/v1/renders/${render.id}`, auth));
const baseLoaded = await underLoad(base.url, `${base.url}/__emulator/health`);
base.child.kill();

const date = new Date().toISOString().slice(0, 10);
const ratio = (emulator.rps / baseline.rps).toFixed(2);
const section = `## emulator (\`pnpm bench:emulator\`)

GET /v1/renders/{id} of a finished render, rate limit off, ${CONNECTIONS} keep-alive connections for ${DURATION} s
(autocannon in the parent process, the server in a child process, loopback). Baseline: a bare \`node:http\`
server answering the same ${body.length}-byte JSON with no routing, auth, validation or state.

| server | req/s (mean) | p50 ms | p99 ms | non-2xx | errors |
| --- | ---: | ---: | ---: | ---: | ---: |
| emulator (Hono, auth, zod path + response validation) | ${emulator.rps} | ${emulator.p50} | ${emulator.p99} | ${emulator.non2xx} | ${emulator.errors} |
| baseline node:http | ${baseline.rps} | ${baseline.p50} | ${baseline.p99} | ${baseline.non2xx} | ${baseline.errors} |

Emulator / baseline: **${ratio}×**. Target ≥ 2,000 req/s: ${emulator.rps >= 2000 ? 'met' : '**not met**'}.

### Health check under load

\`GET /__emulator/health\` probed every 20 ms from the bench process (one request at a time) while a
separate process keeps ${LOAD_CONNECTIONS} closed-loop clients busy for ${LOAD_SECONDS} s: creates (Product Card, 50
distinct texts, so PNGs are built in the emulator's worker thread) alternating with reads (one render,
\`GET /renders?limit=10\`). Baseline in the same run: the bare \`node:http\` server above under the same load
(the probe's path answers like any other), and the idle emulator.

| server | probes | p50 ms | p99 ms | max ms | load answered (by status) |
| --- | ---: | ---: | ---: | ---: | --- |
| emulator, idle | ${idle.n} | ${idle.p50} | ${idle.p99} | ${idle.max} | — |
| emulator, ${LOAD_CONNECTIONS} in flight | ${loaded.n} | ${loaded.p50} | ${loaded.p99} | ${loaded.max} | ${JSON.stringify(loaded.statuses)} |
| baseline node:http, ${LOAD_CONNECTIONS} in flight | ${baseLoaded.n} | ${baseLoaded.p50} | ${baseLoaded.p99} | ${baseLoaded.max} | ${JSON.stringify(baseLoaded.statuses)} |

Emulator / baseline under load (p99): **${(Number(loaded.p99) / Number(baseLoaded.p99)).toFixed(2)}×**. Target: health within 50 ms
under load — p99 ${Number(loaded.p99) <= 50 ? 'met' : '**not met**'}, max ${Number(loaded.max) <= 50 ? 'met' : '**not met**'} in this run.
Measured ${date}, Node ${process.version}, nproc ${availableParallelism()}, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}.
`;

const resultsPath = join(here, 'RESULTS.md');
const results = readFileSync(resultsPath, 'utf8');
const start = results.indexOf('## emulator');
if (start === -1) throw new Error('RESULTS.md has no "## emulator" section');
const next = results.indexOf('\n## ', start + 1);
writeFileSync(resultsPath, results.slice(0, start) + section + (next === -1 ? '' : results.slice(next)));
console.log(section);
