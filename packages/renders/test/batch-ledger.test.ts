import { afterEach, describe, expect, it } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import type { BatchProgress, CreateRenderParams, LedgerEntry } from '../src/index.js';
import { batchTag, MemoryLedger } from '../src/ledger.js';
import { setup, type Setup } from './helpers.js';

let s: Setup | undefined;
afterEach(() => s?.close());

const items = (n: number): CreateRenderParams[] => Array.from({ length: n }, () => ({ template_id: T.quoteSquare }));
const posts = (s: Setup) => s.requests.filter((r) => r.startsWith('POST')).length;
const metadataOf = (s: Setup) => s.stored().map((r) => r.metadata);

async function entries(ledger: MemoryLedger): Promise<Record<string, LedgerEntry['state']>> {
  const out: Record<string, LedgerEntry['state']> = {};
  for await (const [key, entry] of ledger.entries()) out[key] = entry.state;
  return out;
}

describe('renders.batch on the submission ledger', () => {
  it('resumed with the same ledger after an abort mid-batch, submits no item twice and loses none', async () => {
    // Each POST takes a while, so the abort lands while one is out.
    s = await setup({ faults: [{ route: 'createRender', kind: 'latency', latencyMs: 30 }] });
    const ledger = new MemoryLedger();
    const controller = new AbortController();
    const first = await s.renders.runBatch(items(8), {
      ledger,
      batchId: 'b1',
      wait: false,
      signal: controller.signal,
      onProgress: (p) => p.done === 3 && controller.abort(),
    });
    expect(first.summary.total).toBeLessThan(8);

    const second = await s.renders.runBatch(items(8), { ledger, batchId: 'b1', wait: false });
    expect(second.results.map((r) => r.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(second.summary).toMatchObject({ submitted: 8, total: 8 });
    // One render per item, each with its own tag: nothing twice, nothing lost.
    expect(metadataOf(s).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => batchTag('b1', String(i))).sort());
    // The items settled in the first run are reported from the ledger, not sent again.
    for (const r of first.results) expect(second.results.find((x) => x.index === r.index)).toMatchObject({ reconciled: true });
    expect(Object.values(await entries(ledger))).toEqual(Array(8).fill('submitted'));
  });

  it('reconciles a `maybe` item by its metadata before any POST', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    // An earlier run lost the answer, but the render exists with the item's tag.
    const [existing] = await s.renders.create({ template_id: T.quoteSquare, metadata: batchTag('b2', '0') });
    await ledger.settle('0', { state: 'maybe', at: Date.now(), reason: 'connection dropped' });
    const before = posts(s);
    const { results } = await s.renders.runBatch(items(1), { ledger, batchId: 'b2', wait: false });
    expect(results).toEqual([expect.objectContaining({ status: 'submitted', reconciled: true, renders: [expect.objectContaining({ id: existing!.id })] })]);
    expect(posts(s)).toBe(before);
    expect(s.requests.at(-1)).toBe(`GET /renders?template_id=${T.quoteSquare}&limit=100`);
    expect(await ledger.get('0')).toMatchObject({ state: 'submitted', render_ids: [existing!.id] });
  });

  it('sends a `maybe` item once when the search finds nothing (the old attempt never arrived)', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    await ledger.settle('0', { state: 'maybe', at: Date.now(), reason: 'timeout' });
    const { results } = await s.renders.runBatch(items(1), { ledger, batchId: 'b3', wait: false });
    expect(results).toEqual([expect.objectContaining({ status: 'submitted', reconciled: false })]);
    expect(s.requests).toEqual([`GET /renders?template_id=${T.quoteSquare}&limit=100`, 'POST /renders']);
  });

  it('reports an item claimed by another live owner as skipped, and does not send it', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    await ledger.claim('1', 'another-process', 60_000);
    const { results, summary } = await s.renders.runBatch(items(2), { ledger, batchId: 'b4', wait: false, owner: 'me' });
    expect(results.find((r) => r.index === 1)).toMatchObject({ status: 'skipped', entry: { state: 'submitting', owner: 'another-process' } });
    expect(summary).toMatchObject({ submitted: 1, skipped: 1, total: 2 });
    expect(posts(s)).toBe(1);
  });

  it('reconciles an item whose claim outlived its lease (its owner died) instead of skipping it', async () => {
    s = await setup();
    let now = 1_000;
    const ledger = new MemoryLedger(() => now);
    await ledger.claim('0', 'dead-process', 100);
    now = 2_000;
    const { results } = await s.renders.runBatch(items(1), { ledger, batchId: 'b5', wait: false });
    expect(results).toEqual([expect.objectContaining({ status: 'submitted' })]);
    expect(s.requests).toEqual([`GET /renders?template_id=${T.quoteSquare}&limit=100`, 'POST /renders']);
  });

  it('reports an item the ledger says was rejected without sending it', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    await ledger.settle('0', { state: 'rejected', at: Date.now(), reason: '400 template not found' });
    const { results } = await s.renders.runBatch(items(1), { ledger, batchId: 'b6' });
    expect(results).toEqual([expect.objectContaining({ status: 'rejected', error: expect.objectContaining({ message: expect.stringMatching(/400 template not found/) as unknown }) as unknown })]);
    expect(s.requests).toEqual([]);
  });

  it('keys items with itemKey: the ledger key and the metadata tag', async () => {
    s = await setup();
    const ledger = new MemoryLedger();
    const orders = [{ id: 'order-7', template_id: T.quoteSquare }, { id: 'order-9', template_id: T.productCard }];
    await s.renders.runBatch(
      orders.map(({ template_id }) => ({ template_id })),
      { ledger, batchId: 'b7', wait: false, itemKey: (_item, i) => orders[i]!.id },
    );
    expect(Object.keys(await entries(ledger)).sort()).toEqual(['order-7', 'order-9']);
    expect(metadataOf(s).sort()).toEqual([batchTag('b7', 'order-7'), batchTag('b7', 'order-9')]);
  });

  it('under drop and 500 faults accounts for every item, settles every claim and creates no duplicate', async () => {
    s = await setup({
      faults: [
        { route: 'createRender', kind: 'drop', count: 2 },
        { route: 'createRender', kind: '500', count: 2 },
      ],
    });
    const ledger = new MemoryLedger();
    const progress: BatchProgress<CreateRenderParams>[] = [];
    const { results, summary } = await s.renders.runBatch(items(10), { ledger, batchId: 'b8', wait: false, onProgress: (p) => progress.push(p) });
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    // Dropped after commit: found by the tag. A 500 is not processed: searched, not found, unknown.
    expect(summary).toMatchObject({ submitted: 8, unknown: 2, total: 10 });
    expect(results.filter((r) => r.status === 'unknown').every((r) => r.status === 'unknown' && r.searched)).toBe(true);
    const tags = metadataOf(s);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toHaveLength(8);
    expect(posts(s)).toBe(10);
    const states = Object.values(await entries(ledger));
    expect(states.filter((x) => x === 'submitted')).toHaveLength(8);
    expect(states.filter((x) => x === 'maybe')).toHaveLength(2);
    // Progress names the item and counts the results so far, out of a known total.
    expect(progress.map((p) => p.done)).toEqual([...Array(10).keys()].map((i) => i + 1));
    expect(progress.every((p) => p.total === 10 && p.result !== undefined && p.item !== undefined)).toBe(true);

    // Resumed: the two unknown items are looked for again (not found: the 500s never arrived) and sent once each.
    const resumed = await s.renders.runBatch(items(10), { ledger, batchId: 'b8', wait: false });
    expect(resumed.summary).toMatchObject({ submitted: 10, total: 10 });
    const after = metadataOf(s);
    expect(new Set(after).size).toBe(10);
    expect(after).toHaveLength(10);
  });
});
