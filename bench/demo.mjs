// `pnpm demo` start-up: wall time from running the command (after set-up: built, turbo cache warm)
// until it prints "listening", against two baselines in the same run: `pnpm emulator` (the same
// turbo-then-node path with the emulator alone) and a bare node:http server started by node.
// Runs are interleaved so machine load hits every variant alike. Not a test: numbers go to RESULTS.md.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const root = new URL('..', import.meta.url).pathname;
// No keys or base URLs: the demo starts its embedded emulator, as for a new user.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CREATOMATE_|CREATIFY_|REELKIT_)/.test(k)));
env.TURBO_TELEMETRY_DISABLED = '1';

const VARIANTS = [
  { name: 'pnpm demo --port 0', cmd: 'pnpm', args: ['demo', '--port', '0'] },
  { name: 'pnpm emulator --port 0 (baseline)', cmd: 'pnpm', args: ['emulator', '--port', '0'] },
  { name: 'node bare http server (floor)', cmd: process.execPath, args: ['-e', "require('node:http').createServer().listen(0, '127.0.0.1', () => console.log('listening'))"] },
];

/** Milliseconds from spawn to the first "listening" on stdout; the process group is then stopped. */
function timeToListening({ cmd, args }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => finish(new Error(`no "listening" within 60 s:\n${out}\n${err}`)), 60_000);
    const finish = (error, ms) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      child.once('exit', () => (error ? reject(error) : resolve(ms)));
    };
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('listening')) finish(undefined, performance.now() - started);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = new Map(VARIANTS.map((v) => [v.name, []]));
await timeToListening(VARIANTS[0]); // warm: the first run may still build
for (let round = 0; round < ROUNDS; round++) {
  for (const v of VARIANTS) times.get(v.name).push(await timeToListening(v));
}

const base = median(times.get(VARIANTS[1].name));
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · nproc ${cpus().length} · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
console.log('| command | runs | median ms | min ms | max ms | × pnpm emulator |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, xs] of times) {
  console.log(`| ${name} | ${xs.length} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | ${(median(xs) / base).toFixed(2)} |`);
}
const demo = median(times.get(VARIANTS[0].name));
console.log(`\npnpm demo reached "listening" in ${(demo / 1000).toFixed(2)} s (median): ${demo < 10_000 ? 'under' : 'OVER'} the 10 s target.`);
