// pnpm bench:renders — 500 renders through renders.batch against the emulator at Creatomate's real
// limit (30 requests per 10 s, enforced by the emulator, and core's default client-side limit).
// Reports: the achieved request rate as a fraction of the limit (the baseline: the limit itself),
// 429s the server sent, duplicates (counted from the emulator's stored renders by their batch
// metadata tag, not from the POSTs sent), and how long after a render turned terminal the batch
// yielded it. Then a second phase measures `renders.waitFor(id)` itself: WAIT_SAMPLE renders, each
// created and awaited by its own waitFor with a fixed WAIT_POLL_MS interval, WAIT_WORKERS at a time
// on a second API key (its own 30/10 s window, so neither phase slows the other's requests).
// The terminal instant is when the emulator started the render's webhook delivery, which it does
// at the transition itself; our receiver only answers 200.
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { createCreatomateClient } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T, startEmulator } from '@reelkit/emulator';
import { createRenders } from '@reelkit/renders';

const COUNT = Number(process.env.BENCH_RENDERS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 2000);
const LIMIT = { requests: 30, windowMs: 10_000 };
const WAIT_SAMPLE = Number(process.env.BENCH_WAIT_SAMPLE ?? 30);
const WAIT_POLL_MS = Number(process.env.BENCH_WAIT_POLL_MS ?? 2000);
// 3 waiters × (one GET per 2 s + one POST per render) stay well inside 3 requests/s.
const WAIT_WORKERS = Number(process.env.BENCH_WAIT_WORKERS ?? 3);

const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200).end());
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const webhook_url = `http://127.0.0.1:${receiver.address().port}/hooks`;

const emu = await startEmulator({ port: 0, clock: 'real', rateLimit: LIMIT });
const sent = [];
let tooMany = 0;
const countingFetch = async (input, init) => {
  sent.push({ at: performance.now(), method: init?.method ?? (input instanceof Request ? input.method : 'GET') });
  const response = await fetch(input, init);
  if (response.status === 429) tooMany++;
  return response;
};
const renders = createRenders(createCreatomateClient({ apiKey: 'bench-renders', baseUrl: emu.creatomateUrl, fetch: countingFetch, rateLimit: LIMIT }));

const templates = [T.quoteSquare, T.productCard, T.digestGif, T.storyPromo];
const items = Array.from({ length: COUNT }, (_, i) => ({ template_id: templates[i % templates.length], webhook_url }));

console.log(`bench:renders — ${COUNT} renders, concurrency ${CONCURRENCY}, limit ${LIMIT.requests}/${LIMIT.windowMs} ms, poll every ${POLL_MS} ms`);
const returnedAt = new Map();
const statuses = {};
let last = Date.now();
for await (const result of renders.batch(items, { concurrency: CONCURRENCY, pollIntervalMs: POLL_MS })) {
  const now = Date.now();
  statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  for (const r of result.renders ?? []) returnedAt.set(r.id, now);
  if (now - last > 15_000) {
    last = now;
    console.log(`  ${Object.values(statuses).reduce((a, b) => a + b, 0)}/${COUNT} done, ${sent.length} requests`);
  }
}
const batchSent = sent.slice();

// Phase 2: waitFor itself. Each sample render is awaited by a separate waitFor with a fixed interval.
console.log(`  waitFor: ${WAIT_SAMPLE} renders, ${WAIT_WORKERS} at a time, poll every ${WAIT_POLL_MS} ms`);
let waitTooMany = 0;
const waitFetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 429) waitTooMany++;
  return response;
};
const waiter = createRenders(createCreatomateClient({ apiKey: 'bench-waitfor', baseUrl: emu.creatomateUrl, fetch: waitFetch, rateLimit: LIMIT }));
const waitReturnedAt = new Map();
let nextSample = 0;
await Promise.all(
  Array.from({ length: WAIT_WORKERS }, async () => {
    while (nextSample < WAIT_SAMPLE) {
      const i = nextSample++;
      const [render] = await waiter.create({ template_id: templates[i % templates.length], webhook_url, metadata: `bench-waitfor:${i}` });
      const done = await waiter.waitFor(render.id, { interval: { initialMs: WAIT_POLL_MS, maxMs: WAIT_POLL_MS, factor: 1 } });
      waitReturnedAt.set(done.id, Date.now());
    }
  }),
);
await emu.webhooks.idle();

const terminalAt = new Map();
for (const d of emu.webhooks.deliveries()) if (d.attempt === 1) terminalAt.set(d.resourceId, Date.parse(d.startedAt));
const lagsOf = (returned) => [...returned].filter(([id]) => terminalAt.has(id)).map(([id, t]) => t - terminalAt.get(id)).sort((a, b) => a - b);
const summary = (xs) => {
  const pct = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  return { median: pct(0.5), p90: pct(0.9), max: xs.at(-1), samples: xs.length };
};
const lags = lagsOf(returnedAt);
const waitLags = lagsOf(waitReturnedAt);

// Duplicates from what the emulator stored: every batch item carries a unique metadata tag.
const stored = emu.state().accounts.flatMap((a) => a.renders).filter((r) => typeof r.metadata === 'string' && r.metadata.startsWith('reelkit-batch:'));
const tags = new Set(stored.map((r) => r.metadata));

// Achieved rate up to the last submission (while there was always work to send) as a fraction of
// N / W; also against the most a sliding window allows in that time, N × (floor(T / W) + 1), which
// counts the burst a fresh window lets through. The tail (only the last renders' status checks
// left) cannot use the limit and is shown apart.
const limitRate = LIMIT.requests / (LIMIT.windowMs / 1000);
const lastPost = batchSent.findLastIndex((r) => r.method === 'POST');
const steadyMs = batchSent[lastPost].at - batchSent[0].at;
const allowed = LIMIT.requests * (Math.floor(steadyMs / LIMIT.windowMs) + 1);
const steadySeconds = steadyMs / 1000;
const rate = lastPost / steadySeconds;
const seconds = (batchSent.at(-1).at - batchSent[0].at) / 1000;
const overall = (batchSent.length - 1) / seconds;
const report = {
  date: new Date().toISOString(),
  node: process.version,
  nproc: availableParallelism(),
  renders: COUNT,
  results: statuses,
  requests: batchSent.length,
  posts: batchSent.filter((r) => r.method === 'POST').length,
  stored_batch_renders: stored.length,
  distinct_batch_tags: tags.size,
  duplicates: stored.length - tags.size,
  items_without_a_stored_render: COUNT - tags.size,
  elapsed_s: Number(seconds.toFixed(1)),
  steady_s: Number(steadySeconds.toFixed(1)),
  rate_req_s: Number(rate.toFixed(3)),
  rate_fraction_of_limit: Number((rate / limitRate).toFixed(3)),
  fraction_of_sliding_window_max: Number(((lastPost + 1) / allowed).toFixed(3)),
  overall_rate_fraction_incl_tail: Number((overall / limitRate).toFixed(3)),
  http_429: tooMany,
  terminal_to_batch_yield_ms: summary(lags),
  poll_interval_ms: POLL_MS,
  terminal_to_waitFor_return_ms: summary(waitLags),
  waitFor_interval_ms: WAIT_POLL_MS,
  waitFor_workers: WAIT_WORKERS,
  waitFor_http_429: waitTooMany,
};
console.log(JSON.stringify(report, null, 2));
await emu.close();
receiver.close();
