// Fault tests of a batch spread over worker processes that share Redis (the rate-limit store and
// the ledger): Redis restarted mid-batch, a worker SIGKILLed between `submitting` and the answer,
// two workers racing on one batch, and the emulator's `drop` and `500` faults on createRender.
// In each, after the runs (and resumes) the test makes: every item is accounted for (its ledger
// entry is `submitted`), the emulator stores exactly one render per item (counted by the batch's
// metadata tag), and none is lost.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreatomateClient, type RateLimitWindow } from '@reelkit/core';
import { RATE_LIMIT } from '@reelkit/core/rules/creatomate';
import { CREATOMATE_TEMPLATE_IDS as T, startEmulator, type Emulator, type FaultRule } from '@reelkit/emulator';
import { createRenders, type LedgerEntry } from '@reelkit/renders';
import { connectRedis, createRedisLedger, RedisUnavailableError, type RedisConnection } from '../src/index.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

const WORKER = fileURLToPath(new URL('./workers/batch-worker.mjs', import.meta.url));
// Workers run the built packages, as a deployed worker would (turbo builds them before `test`).
const BUILT = ['../dist/index.js', '../../renders/dist/index.js', '../../core/dist/index.js'].every((p) => existsSync(fileURLToPath(new URL(p, import.meta.url))));

interface WorkerResult {
  key: string;
  status: string;
  reconciled?: boolean;
  render_ids: string[];
}
interface WorkerOutput {
  results?: WorkerResult[];
  summary?: Record<string, number>;
  tooMany?: number;
  error?: string;
}
interface Batch {
  batchId: string;
  apiKey: string;
  count: number;
}

let redis: RedisServer;
let emu: Emulator;
let admin: RedisConnection;
beforeAll(async () => {
  if (!BUILT) throw new Error('the fault tests run built packages: `pnpm turbo run build --filter=@reelkit/redis...` first');
  redis = await startRedisServer({ persistent: true });
  admin = connectRedis({ url: redis.url });
  // Real clock (workers wait in real time); renders are not waited for, so speed does not matter.
  emu = await startEmulator({ port: 0, clock: 'real' });
});
afterAll(async () => {
  await admin?.close();
  await emu?.close();
  await redis?.close();
});

const newBatch = (count: number): Batch => ({ batchId: randomUUID(), apiKey: `faults-${randomUUID()}`, count });

interface WorkerOptions {
  owner?: string;
  leaseMs?: number;
  pace?: RateLimitWindow;
  limit?: RateLimitWindow;
  store?: 'redis' | 'memory';
  baseUrl?: string;
  submitConcurrency?: number;
  /** Workers wait for each other at this Redis counter before starting. */
  barrier?: { key: string; count: number };
}

function spawnWorker(batch: Batch, extra: WorkerOptions = {}) {
  const config = { redisUrl: redis.url, baseUrl: emu.creatomateUrl, templateId: T.quoteSquare, limit: RATE_LIMIT, leaseMs: 60_000, owner: randomUUID(), ...batch, ...extra };
  const child = spawn(process.execPath, [WORKER, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: WorkerOutput | undefined }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, output: stdout.trim() ? (JSON.parse(stdout.trim()) as WorkerOutput) : undefined }));
  });
  return { pid: child.pid!, exited };
}
const runWorker = async (batch: Batch, extra?: WorkerOptions) => (await spawnWorker(batch, extra).exited).output!;

/** The emulator's stored renders of this batch, by the batch's metadata tag. */
function storedByTag(batch: Batch, server: Emulator = emu): Map<string, string[]> {
  const prefix = `reelkit-batch:${batch.batchId}:`;
  const byTag = new Map<string, string[]>();
  for (const account of server.state().accounts) {
    for (const r of account.renders) {
      if (!r.metadata?.startsWith(prefix)) continue;
      const key = r.metadata.slice(prefix.length);
      byTag.set(key, [...(byTag.get(key) ?? []), r.id]);
    }
  }
  return byTag;
}

/** The batch's ledger as it is now (waiting for the test's own connection to be back after a restart). */
async function ledgerOf(batch: Batch): Promise<Map<string, LedgerEntry>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const out = new Map<string, LedgerEntry>();
      for await (const [key, entry] of createRedisLedger(admin, { batchId: batch.batchId }).entries()) out.set(key, entry);
      return out;
    } catch (error) {
      if (!(error instanceof RedisUnavailableError) || attempt > 100) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Every item submitted exactly once, its one render stored, and the ledger pointing at it. */
async function expectEachItemOnce(batch: Batch): Promise<void> {
  const keys = Array.from({ length: batch.count }, (_, i) => String(i));
  const stored = storedByTag(batch);
  const ledger = await ledgerOf(batch);
  expect([...stored.keys()].sort()).toEqual([...keys].sort()); // none lost
  for (const key of keys) {
    expect(stored.get(key), `renders stored for item ${key}`).toHaveLength(1); // no duplicate
    expect(ledger.get(key), `ledger entry of item ${key}`).toEqual({ state: 'submitted', at: expect.any(Number) as number, render_ids: stored.get(key) });
  }
}

/** Runs workers one after the other (resumes) until the ledger has settled every item, at most `runs` times. */
async function resumeUntilSettled(batch: Batch, runs: number, extra?: WorkerOptions): Promise<WorkerOutput[]> {
  const outputs: WorkerOutput[] = [];
  for (let i = 0; i < runs; i++) {
    const ledger = await ledgerOf(batch);
    const open = [...ledger.values()].filter((e) => e.state !== 'submitted');
    if (ledger.size === batch.count && open.length === 0) break;
    // A `submitting` left by a dead or cut-off run is reconciled once its lease has run out.
    const latest = Math.max(0, ...open.map((e) => (e.state === 'submitting' ? e.at + e.leaseMs : 0)));
    if (latest > Date.now()) await new Promise((r) => setTimeout(r, latest - Date.now() + 50));
    outputs.push(await runWorker(batch, extra));
  }
  return outputs;
}

const faultFired = (route: string, server: Emulator = emu) => server.faults.list().filter((f) => f.route === route).reduce((n, f) => n + f.fired, 0);

describe('a batch over worker processes sharing Redis', { timeout: 60_000 }, () => {
  it('workers on one key share its budget through Redis: no 429 from a server with the same limit, where in-process limiters get them', async () => {
    // A window long enough that two workers' first bursts always land in one, however busy the machine.
    const limit = { requests: 4, windowMs: 2_000 };
    const tight = await startEmulator({ port: 0, clock: 'real', rateLimit: limit });
    try {
      const run = async (store: 'redis' | 'memory') => {
        // Two batches of 4 on one key (the budget is per key; the ledger plays no part here), each
        // worker sending its 4 at once, both starting together at a barrier.
        const apiKey = `budget-${randomUUID()}`;
        const barrier = { key: `barrier:${apiKey}`, count: 2 };
        const outs = await Promise.all([0, 1].map(() => runWorker({ ...newBatch(4), apiKey }, { limit, store, barrier, submitConcurrency: 4, baseUrl: tight.creatomateUrl })));
        expect(outs.map((o) => o.summary?.submitted)).toEqual([4, 4]);
        return outs.reduce((n, o) => n + o.tooMany!, 0);
      };
      expect(await run('redis')).toBe(0);
      expect(await run('memory')).toBeGreaterThan(0);
    } finally {
      await tight.close();
    }
  });

  it('two workers racing on the same batch split it: each item POSTed once, by one of them', async () => {
    const batch = newBatch(10);
    const [a, b] = await Promise.all([runWorker(batch), runWorker(batch)]);
    expect(a.error ?? b.error).toBeUndefined();
    const posted = [...a.results!, ...b.results!].filter((r) => r.status === 'submitted' && r.reconciled === false);
    expect(posted.map((r) => r.key).sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(i)).sort());
    // Each worker reports every item: what it POSTed, and the other's as submitted (from the ledger) or skipped.
    for (const out of [a, b]) expect(out.results).toHaveLength(10);
    await expectEachItemOnce(batch);
  });

  it('a worker SIGKILLed between `submitting` and the answer: the next run reconciles the item instead of POSTing it again', async () => {
    const batch = newBatch(4);
    // The first POST is held 600 ms before the emulator processes it: the worker dies while it waits.
    const held: FaultRule = { route: 'createRender', kind: 'latency', latencyMs: 600, count: 1 };
    emu.faults.add(held);
    const firedBefore = faultFired('createRender');
    try {
      const worker = spawnWorker(batch, { leaseMs: 1_000 });
      await expect.poll(() => faultFired('createRender'), { timeout: 10_000, interval: 10 }).toBeGreaterThan(firedBefore);
      process.kill(worker.pid, 'SIGKILL');
      expect((await worker.exited).signal).toBe('SIGKILL');
      expect([...(await ledgerOf(batch)).values()]).toEqual([expect.objectContaining({ state: 'submitting' })]);
      // The emulator goes on with the request it received, as a server does when a client vanishes.
      await expect.poll(() => storedByTag(batch).size, { timeout: 5_000, interval: 20 }).toBe(1);
    } finally {
      emu.faults.clear();
    }
    const [resumed] = await resumeUntilSettled(batch, 2, { leaseMs: 1_000 });
    expect(resumed!.results!.find((r) => r.key === '0')).toMatchObject({ status: 'submitted', reconciled: true });
    await expectEachItemOnce(batch);
  });

  it('Redis restarted in the middle of a batch: the run stops or carries on, and resuming settles every item once', async () => {
    const batch = newBatch(12);
    // Paced at 10 per second so that the restart falls inside the batch.
    const pace = { requests: 10, windowMs: 1_000 };
    const worker = spawnWorker(batch, { leaseMs: 1_000, pace });
    await expect.poll(async () => [...(await ledgerOf(batch)).values()].filter((e) => e.state === 'submitted').length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    await redis.stop();
    await redis.start();
    const first = await worker.exited;
    expect(first.code === 0 || first.output?.error === 'RedisUnavailableError').toBe(true);
    await resumeUntilSettled(batch, 3, { leaseMs: 1_000, pace });
    await expectEachItemOnce(batch);
  });

  it.each([
    ['drop', 'processed, then the connection is cut: found by its tag'],
    ['500', 'not processed: left maybe, then sent by the resume'],
  ] as const)('the emulator’s %s fault on createRender (%s)', async (kind, _why) => {
    const batch = newBatch(6);
    emu.faults.add({ route: 'createRender', kind, count: 2 });
    try {
      const first = await runWorker(batch);
      expect(first.error).toBeUndefined();
      const statuses = first.results!.map((r) => r.status);
      if (kind === 'drop') expect(statuses.filter((s) => s === 'submitted')).toHaveLength(6);
      else expect(statuses.filter((s) => s === 'unknown')).toHaveLength(2);
    } finally {
      emu.faults.clear();
    }
    await resumeUntilSettled(batch, 2);
    await expectEachItemOnce(batch);
  });

  // The search by tag reads only the 100 most recent renders of the template (GET /renders has no
  // metadata filter or paging, and a Render no creation time): a full page without the tag proves
  // nothing, so the item stays `maybe` and is reported unknown instead of being POSTed again.
  it('a dead worker’s item is not POSTed again when more than 100 renders of its template were created before the reconcile', async () => {
    // A slow clock: the renders stay unfinished (listing finished ones makes their output files), yet are ordered by time.
    const open = await startEmulator({ port: 0, clock: 'real', speed: 0.01, rateLimit: false });
    const batch = newBatch(1);
    const limit = { requests: 1_000, windowMs: 1_000 };
    try {
      open.faults.add({ route: 'createRender', kind: 'latency', latencyMs: 600, count: 1 });
      const worker = spawnWorker(batch, { leaseMs: 1_000, limit, baseUrl: open.creatomateUrl });
      await expect.poll(() => faultFired('createRender', open), { timeout: 10_000, interval: 10 }).toBe(1);
      process.kill(worker.pid, 'SIGKILL');
      await worker.exited;
      await expect.poll(() => storedByTag(batch, open).size, { timeout: 5_000, interval: 20 }).toBe(1);
      // The account goes on rendering the same template meanwhile (other batches, other workers).
      const others = createRenders(createCreatomateClient({ apiKey: batch.apiKey, baseUrl: open.creatomateUrl, rateLimit: false }));
      await Promise.all(Array.from({ length: 101 }, () => others.create({ template_id: T.quoteSquare }, { checkModifications: false })));
      await new Promise((r) => setTimeout(r, 1_100));
      await runWorker(batch, { leaseMs: 1_000, limit, baseUrl: open.creatomateUrl });
      expect(storedByTag(batch, open).get('0')).toHaveLength(1);
    } finally {
      await open.close();
    }
  });
});
