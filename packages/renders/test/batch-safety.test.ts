// The batch's money-safety edges: a reconcile search that cannot prove absence, failures that
// never reached the API, and items settled by another run or worker.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, createCreatomateClient, MemoryRateLimitStore, RateLimitError, type RateLimitStore } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { createRenders, type CreateRenderParams } from '../src/index.js';
import { batchTag, MemoryLedger } from '../src/ledger.js';
import { setup, type Setup } from './helpers.js';

let s: Setup | undefined;
afterEach(() => s?.close());

const items = (n: number): CreateRenderParams[] => Array.from({ length: n }, () => ({ template_id: T.quoteSquare }));
const posts = (s: Setup) => s.requests.filter((r) => r.startsWith('POST')).length;
const storedWith = (s: Setup, tag: string) => s.stored().filter((r) => r.metadata === tag);

/** A port on 127.0.0.1 with nothing listening: connections to it are refused before anything is sent. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('renders.batch: a reconcile search that cannot prove absence', () => {
  it('does not POST a `maybe` item again when its template has a full page of newer renders: unknown, still maybe', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    // The earlier attempt did create the render, then the account made 100 more of the same template.
    await s.renders.create({ template_id: T.quoteSquare, metadata: batchTag('full', '0') }, { checkModifications: false });
    await ledger.settle('0', { state: 'maybe', at: Date.now(), reason: 'connection dropped' });
    s.emu.clock.advance(1);
    for (let i = 0; i < 100; i++) await s.renders.create({ template_id: T.quoteSquare }, { checkModifications: false });
    const before = posts(s);

    const { results, summary } = await s.renders.runBatch(items(1), { ledger, batchId: 'full', wait: false });

    expect(results).toEqual([expect.objectContaining({ status: 'unknown', searched: true })]);
    expect(summary).toMatchObject({ unknown: 1, total: 1 });
    expect(posts(s)).toBe(before);
    expect(storedWith(s, batchTag('full', '0'))).toHaveLength(1);
    expect(await ledger.get('0')).toMatchObject({ state: 'maybe', reason: 'connection dropped' });
  });

  it('does not POST a dead owner’s item again when the search page is full, however old the claim', async () => {
    s = await setup();
    let now = 1_000;
    const ledger = new MemoryLedger(() => now);
    await ledger.claim('0', 'dead-worker', 100);
    for (let i = 0; i < 100; i++) await s.renders.create({ template_id: T.quoteSquare }, { checkModifications: false });
    now = 2_000;
    const before = posts(s);
    const { results } = await s.renders.runBatch(items(1), { ledger, batchId: 'dead', wait: false });
    expect(results).toEqual([expect.objectContaining({ status: 'unknown', searched: true })]);
    expect(posts(s)).toBe(before);
    expect(await ledger.get('0')).toMatchObject({ state: 'maybe' });
  });
});

describe('renders.batch: failures that never reached the API', () => {
  it('reports a 429 after core’s retries as error, keeps the item claimable, and a resume sends it once', async () => {
    // Two requests per 2 s (the emulator's limiter runs on real time): the third submission meets a 429.
    s = await setup({ rateLimit: { requests: 2, windowMs: 2_000 } }, { maxRetries: 0 });
    const ledger = new MemoryLedger();
    const first = await s.renders.runBatch(items(3), { ledger, batchId: 'rl', wait: false });
    expect(first.summary).toMatchObject({ submitted: 2, error: 1, rejected: 0, total: 3 });
    const failed = first.results.find((r) => r.index === 2);
    expect(failed).toMatchObject({ status: 'error', sent: false, renders: [], reconciled: false });
    expect(failed?.status === 'error' && failed.error).toBeInstanceOf(RateLimitError);
    expect(await ledger.get('2')).toMatchObject({ state: 'maybe', reason: expect.stringMatching(/^not sent: /) as unknown });

    await new Promise((r) => setTimeout(r, 2_100));
    s.requests.length = 0;
    const resumed = await s.renders.runBatch(items(3), { ledger, batchId: 'rl', wait: false });
    expect(resumed.results.find((r) => r.index === 2)).toMatchObject({ status: 'submitted' });
    expect(resumed.summary).toMatchObject({ submitted: 3, total: 3 });
    // Only the unsent item costs requests: looked for (nothing), then sent.
    expect(s.requests).toEqual([`GET /renders?template_id=${T.quoteSquare}&limit=100`, 'POST /renders']);
    for (const key of ['0', '1', '2']) expect(storedWith(s, batchTag('rl', key))).toHaveLength(1);
  });

  it('reports a refused connection as error, not rejected, and a resume sends the item', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    const unreachable = createRenders(createCreatomateClient({ apiKey: 'test-unreachable', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, rateLimit: false, maxRetries: 0 }));
    const first = await unreachable.runBatch(items(1), { ledger, batchId: 'refused', wait: false, checkModifications: false });
    expect(first.results).toEqual([expect.objectContaining({ status: 'error', error: expect.any(ConnectionError) as unknown })]);
    expect(await ledger.get('0')).toMatchObject({ state: 'maybe', reason: expect.stringMatching(/^not sent: /) as unknown });

    const resumed = await s.renders.runBatch(items(1), { ledger, batchId: 'refused', wait: false });
    expect(resumed.results).toEqual([expect.objectContaining({ status: 'submitted', reconciled: false })]);
    expect(storedWith(s, batchTag('refused', '0'))).toHaveLength(1);
  });

  it('reports a rate-limit store that is down (fails closed, as @reelkit/redis’s does) as error, and a resume sends the item', async () => {
    let down = true;
    const memory = new MemoryRateLimitStore();
    const store: RateLimitStore = {
      tryAcquire: (key, limit, now) => {
        if (down) throw new ConnectionError('the rate-limit store is unreachable');
        return memory.tryAcquire(key, limit, now);
      },
      release: (key, lease, expiresAt) => memory.release(key, lease, expiresAt),
    };
    s = await setup({}, { rateLimit: { requests: 30, windowMs: 10_000, store } });
    const ledger = new MemoryLedger();
    const first = await s.renders.runBatch(items(1), { ledger, batchId: 'store', wait: false, checkModifications: false });
    expect(first.results).toEqual([expect.objectContaining({ status: 'error', error: expect.any(ConnectionError) as unknown })]);
    expect(s.requests).toEqual([]);

    down = false;
    const resumed = await s.renders.runBatch(items(1), { ledger, batchId: 'store', wait: false, checkModifications: false });
    expect(resumed.summary).toMatchObject({ submitted: 1, total: 1 });
    expect(storedWith(s, batchTag('store', '0'))).toHaveLength(1);
  });

  it('still settles a definitive 4xx refusal as rejected, and a resume does not send it', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    const missing = [{ template_id: '00000000-0000-4000-8000-000000000000' }];
    const first = await s.renders.runBatch(missing, { ledger, batchId: 'no', wait: false, checkModifications: false });
    expect(first.results).toEqual([expect.objectContaining({ status: 'rejected' })]);
    expect(await ledger.get('0')).toMatchObject({ state: 'rejected' });
    const before = posts(s);
    await s.renders.runBatch(missing, { ledger, batchId: 'no', wait: false, checkModifications: false });
    expect(posts(s)).toBe(before);
  });
});

describe('renders.batch: items settled by another run or worker', () => {
  it('with wait: false reports a settled item from the ledger’s render ids without fetching it', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    const [render] = await s.renders.create({ template_id: T.quoteSquare, metadata: batchTag('other', '0') }, { checkModifications: false });
    await ledger.settle('0', { state: 'submitted', at: Date.now(), render_ids: [render!.id] });
    s.requests.length = 0;
    const { results } = await s.renders.runBatch(items(1), { ledger, batchId: 'other', wait: false });
    expect(results).toEqual([expect.objectContaining({ status: 'submitted', reconciled: true, render_ids: [render!.id] })]);
    expect(s.requests).toEqual([]);
  });
});
