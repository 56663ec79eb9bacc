// pnpm bench:emulator — sustained requests/s for GET /v1/renders/{id} against the emulator on
// loopback (rate limit off), next to a bare node:http server answering the same bytes (the ceiling
// for one Node process on this machine). Each server runs in its own child process; autocannon
// drives the load from this one. Writes the `## emulator` section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '../packages/emulator/dist/cli.js');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
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
await sleep(100);
const target = `${emu.url}/v1/renders/${render.id}`;
const body = await (await fetch(target, { headers: auth })).text();
if (!body.includes('"succeeded"')) throw new Error(`render not finished: ${body}`);
await run(target, auth, 1); // warm-up (JIT), discarded
const emulator = summary(await run(target, auth));
emu.child.kill();

// 2. Baseline: node:http answering the same JSON with no routing, auth or validation.
const baselineSrc = `
  const http = require('node:http');
  const body = Buffer.from(${JSON.stringify(body)});
  http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); res.end(body); })
    .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;
const base = await startChild(['-e', baselineSrc]);
const baseline = summary(await run(`${base.url}/v1/renders/${render.id}`, auth));
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
Measured ${date}, Node ${process.version}, nproc ${availableParallelism()}.
`;

const resultsPath = join(here, 'RESULTS.md');
const results = readFileSync(resultsPath, 'utf8');
const start = results.indexOf('## emulator');
if (start === -1) throw new Error('RESULTS.md has no "## emulator" section');
const next = results.indexOf('\n## ', start + 1);
writeFileSync(resultsPath, results.slice(0, start) + section + (next === -1 ? '' : results.slice(next)));
console.log(section);
