// The rules every SubmissionLedger must follow (renders/src/ledger.ts), as a suite any backend can
// run: MemoryLedger here, the Redis ledger, and the CLI's file ledger if it imports this file.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, SubmissionLedger } from '@reelkit/renders';

export interface LedgerFactory {
  /** A fresh ledger for a new batch id. */
  fresh(): Promise<SubmissionLedger>;
  /** `count` handles on one batch, as separate processes would hold them (one each for the memory ledger: it cannot be shared). */
  shared(count: number): Promise<SubmissionLedger[]>;
}

const LEASE = 60_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function all(ledger: SubmissionLedger): Promise<Map<string, LedgerEntry>> {
  const out = new Map<string, LedgerEntry>();
  for await (const [key, entry] of ledger.entries()) {
    expect(out.has(key)).toBe(false);
    out.set(key, entry);
  }
  return out;
}

export function ledgerConformance(name: string, factory: LedgerFactory): void {
  describe(`${name} follows the SubmissionLedger rules`, () => {
    it('claims an unknown item with no previous entry, and records it as submitting for the owner', async () => {
      const ledger = await factory.fresh();
      expect(await ledger.claim('a', 'w1', LEASE)).toEqual({ claimed: true });
      const entry = await ledger.get('a');
      expect(entry).toMatchObject({ state: 'submitting', owner: 'w1', leaseMs: LEASE });
      expect(Math.abs(entry!.at - Date.now())).toBeLessThan(5_000);
    });

    it('refuses an item another owner holds within its lease, reporting that entry', async () => {
      const ledger = await factory.fresh();
      await ledger.claim('a', 'w1', LEASE);
      const second = await ledger.claim('a', 'w2', LEASE);
      expect(second).toMatchObject({ claimed: false, entry: { state: 'submitting', owner: 'w1' } });
    });

    it('never hands out a submitted or rejected item again', async () => {
      const ledger = await factory.fresh();
      await ledger.claim('s', 'w1', LEASE);
      await ledger.settle('s', { state: 'submitted', at: 1, render_ids: ['r1', 'r2'] });
      await ledger.claim('r', 'w1', LEASE);
      await ledger.settle('r', { state: 'rejected', at: 2, reason: 'bad template' });
      expect(await ledger.claim('s', 'w2', LEASE)).toEqual({ claimed: false, entry: { state: 'submitted', at: 1, render_ids: ['r1', 'r2'] } });
      expect(await ledger.claim('r', 'w2', LEASE)).toEqual({ claimed: false, entry: { state: 'rejected', at: 2, reason: 'bad template' } });
    });

    it('hands out a maybe item again with the maybe as previous, to be reconciled first', async () => {
      const ledger = await factory.fresh();
      await ledger.claim('m', 'w1', LEASE);
      await ledger.settle('m', { state: 'maybe', at: 3, reason: 'connection dropped' });
      expect(await ledger.claim('m', 'w2', LEASE)).toEqual({ claimed: true, previous: { state: 'maybe', at: 3, reason: 'connection dropped' } });
      expect(await ledger.get('m')).toMatchObject({ state: 'submitting', owner: 'w2' });
    });

    it('hands out a submitting item whose lease ran out, with it as previous', async () => {
      const ledger = await factory.fresh();
      await ledger.claim('d', 'dead', 1);
      await pause(20);
      const result = await ledger.claim('d', 'w2', LEASE);
      expect(result).toMatchObject({ claimed: true, previous: { state: 'submitting', owner: 'dead', leaseMs: 1 } });
      expect(await ledger.claim('d', 'w3', LEASE)).toMatchObject({ claimed: false, entry: { owner: 'w2' } });
    });

    it('gets undefined for an unknown item and lists every entry once', async () => {
      const ledger = await factory.fresh();
      expect(await ledger.get('nope')).toBeUndefined();
      for (const key of ['1', '2', '3']) await ledger.claim(key, 'w1', LEASE);
      await ledger.settle('2', { state: 'submitted', at: 4, render_ids: [] });
      const entries = await all(ledger);
      expect([...entries.keys()].sort()).toEqual(['1', '2', '3']);
      expect(entries.get('2')).toEqual({ state: 'submitted', at: 4, render_ids: [] });
    });

    it('keeps keys with any characters apart', async () => {
      const ledger = await factory.fresh();
      const keys = ['a:b', 'a', 'ü "quoted" \\ key', '{x}'];
      for (const key of keys) await ledger.claim(key, `owner ${key}`, LEASE);
      for (const key of keys) expect(await ledger.get(key)).toMatchObject({ owner: `owner ${key}` });
    });

    it('lets exactly one of many racing owners claim each item, so racing workers split a list', async () => {
      const handles = await factory.shared(4);
      const keys = Array.from({ length: 50 }, (_, i) => `item-${i}`);
      const won = await Promise.all(handles.map(async (ledger, w) => {
        const mine: string[] = [];
        for (const key of keys) if ((await ledger.claim(key, `w${w}`, LEASE)).claimed) mine.push(key);
        return mine;
      }));
      if (handles.length > 1) expect(won.flat().sort()).toEqual([...keys].sort());
      else expect(won[0]).toEqual(keys);
    });
  });
}
