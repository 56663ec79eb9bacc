/* global setTimeout, performance */
// pnpm bench:scale — 4 worker processes (each `node bench/scale-worker.mjs`, started on its own)
// share one Creatomate key and one 400-render batch through Redis, against the emulator with its
// real limit (30 requests per 10 s, sliding). Reports the aggregate request rate as a fraction of
// the limit, the 429s the server sent (counted by the workers' fetch: every 429 reaches one),
// duplicates and lost items (from the emulator's stored renders, by the batch's metadata tag).
// Baseline in the same run: the same 4 workers with the in-process limiter only (each believes it
// has the whole budget). Then the latency one acquire adds against Redis on loopback, against the
// in-memory store.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryRateLimitStore } from '@reelkit/core';
import { RATE_LIMIT } from '@reelkit/core/rules/creatomate';
import { CREATOMATE_TEMPLATE_IDS as T, startEmulator } from '@reelkit/emulator';
import { connectRedis, createRedisRateLimitStore } from '@reelkit/redis';

const COUNT = Number(process.env.BENCH_RENDERS ?? 400);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const ACQUIRES = Number(process.env.BENCH_ACQUIRES ?? 5000);
const WORKER = fileURLToPath(new URL('./scale-worker.mjs', import.meta.url));
const templates = [T.quoteSquare, T.productCard, T.digestGif, T.storyPromo];

async function startRedis() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  const dir = mkdtempSync(join(tmpdir(), 'reelkit-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let ok = false; !ok; ) {
    ok = await new Promise((resolve) => connect(port, '127.0.0.1', function () { this.end(); resolve(true); }).on('error', () => resolve(false)));
    if (!ok) await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const children = new Set();
function runWorker(config) {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`)))));
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function phase(name, store, emu, redisUrl) {
  const batchId = randomUUID();
  const apiKey = `bench-scale-${store}-${randomUUID()}`;
  const started = Date.now();
  console.log(`  ${name}: ${WORKERS} workers, ${COUNT} renders, limit ${store === 'redis' ? 'on Redis' : 'in each process'}`);
  const outs = await Promise.all(Array.from({ length: WORKERS }, () => runWorker({ redisUrl, baseUrl: emu.creatomateUrl, apiKey, batchId, count: COUNT, store, templates })));
  const sent = outs.flatMap((o) => o.sent).sort((a, b) => a.at - b.at);
  const lastPost = sent.findLastIndex((r) => r.method === 'POST');
  const steadyMs = sent[lastPost].at - sent[0].at;
  const limitRate = RATE_LIMIT.requests / (RATE_LIMIT.windowMs / 1000);
  const rate = lastPost / (steadyMs / 1000);
  const prefix = `reelkit-batch:${batchId}:`;
  const stored = emu.state().accounts.flatMap((a) => a.renders).filter((r) => r.metadata?.startsWith(prefix));
  const tags = new Set(stored.map((r) => r.metadata));
  const posted = outs.flatMap((o) => o.posted);
  return {
    phase: name,
    elapsed_s: Number(((Date.now() - started) / 1000).toFixed(1)),
    requests: sent.length,
    posts: sent.filter((r) => r.method === 'POST').length,
    rate_req_s: Number(rate.toFixed(3)),
    rate_fraction_of_limit: Number((rate / limitRate).toFixed(3)),
    fraction_of_sliding_window_max: Number(((lastPost + 1) / (RATE_LIMIT.requests * (Math.floor(steadyMs / RATE_LIMIT.windowMs) + 1))).toFixed(3)),
    http_429: outs.reduce((n, o) => n + o.tooMany, 0),
    posted_per_worker: outs.map((o) => o.posted.length),
    stored_renders: stored.length,
    duplicates: stored.length - tags.size,
    lost: COUNT - tags.size,
    items_posted_twice_by_workers: posted.length - new Set(posted).size,
  };
}

async function acquireLatency(redisUrl) {
  const redis = connectRedis({ url: redisUrl });
  const stores = { redis: createRedisRateLimitStore(redis), memory: new MemoryRateLimitStore() };
  const limit = { requests: 1e9, windowMs: 10_000 };
  const times = { redis: [], memory: [] };
  // Alternating, so that load on the machine falls on both alike; the first 200 of each are warm-up.
  for (let i = 0; i < ACQUIRES + 200; i++) {
    for (const name of ['redis', 'memory']) {
      const t0 = performance.now();
      const got = await stores[name].tryAcquire(`bench:acquire:${name}`, limit, Date.now());
      const t1 = performance.now();
      await stores[name].release(`bench:acquire:${name}`, got.lease, Date.now() + 1);
      if (i >= 200) times[name].push((t1 - t0) * 1000);
    }
  }
  await redis.close();
  for (const xs of Object.values(times)) xs.sort((a, b) => a - b);
  const us = (x) => Number(x.toFixed(1));
  return {
    samples: ACQUIRES,
    redis_us: { median: us(pct(times.redis, 0.5)), p99: us(pct(times.redis, 0.99)) },
    memory_us: { median: us(pct(times.memory, 0.5)), p99: us(pct(times.memory, 0.99)) },
    added_us: { median: us(pct(times.redis, 0.5) - pct(times.memory, 0.5)), p99: us(pct(times.redis, 0.99) - pct(times.memory, 0.99)) },
  };
}

console.log(`bench:scale — ${WORKERS} worker processes, ${COUNT} renders, Creatomate limit ${RATE_LIMIT.requests}/${RATE_LIMIT.windowMs} ms`);
const redis = await startRedis();
const emu = await startEmulator({ port: 0, clock: 'real', rateLimit: RATE_LIMIT });
try {
  const report = { date: new Date().toISOString(), node: process.version, nproc: availableParallelism(), loadavg: loadavg().map((x) => Number(x.toFixed(2))) };
  report.acquire = await acquireLatency(redis.url);
  report.redis = await phase('shared limit on Redis', 'redis', emu, redis.url);
  report.baseline = await phase('baseline: in-process limiter only', 'memory', emu, redis.url);
  const r = report.redis;
  report.verdict = {
    rate_target_0_90: r.rate_fraction_of_limit >= 0.9 ? 'met' : 'not met',
    http_429_zero: r.http_429 === 0 ? 'met' : 'not met',
    duplicates_zero: r.duplicates === 0 && r.items_posted_twice_by_workers === 0 ? 'met' : 'not met',
    lost_zero: r.lost === 0 ? 'met' : 'not met',
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  // A worker that failed leaves the others running: stop them (by pid) before their Redis goes.
  for (const child of children) process.kill(child.pid, 'SIGTERM');
  await emu.close();
  await redis.stop();
}
