// The submission ledger: where a batch records, per item, whether it may have paid for a render.
// One interface for every backend — in memory (this file), a local append-only file (the CLI), Redis
// (@reelkit/redis) — so that a batch re-run with the same batch id, in this process or another,
// never POSTs an item twice and never loses one. Its values are the `@reelkit/renders/ledger` subpath,
// not root exports: a file the root re-exports stays on a browser app's up-front path, and only a
// batch (loaded lazily) and ledger backends use this one. The root exports its types.
//
// The rule a batch follows with it, per item key:
//   1. `claim(key, owner, leaseMs)` atomically. Not claimed → the item is someone else's or settled:
//      skip it (report the entry). Claimed with no `previous` → POST it.
//      Claimed with a `previous` (`maybe`, or a `submitting` whose lease ran out: its owner died or
//      lost the answer) → reconcile through the API first (metadata search); found → settle as
//      `submitted`; not found → the old attempt never reached the server within its lease: POST it.
//   2. Before the POST the entry is `submitting` (the claim wrote it). After the answer: `submitted`
//      with the render ids, `rejected` with the reason (nothing was created), or `maybe` (the
//      outcome is unknown: it is reconciled before anyone decides again).

/** The batch's metadata tag for an item, `reelkit-batch:<batchId>:<key>`: what reconciliation looks for. */
export const batchTag = (batchId: string, key: string): string => `reelkit-batch:${batchId}:${key}`;

/** Default lease of a `submitting` claim: 5 minutes, far beyond one POST's per-attempt timeout. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** What the ledger knows about one item. `at` is the time (ms since the epoch) it was written. */
export type LedgerEntry =
  | { state: 'submitting'; owner: string; at: number; leaseMs: number }
  | { state: 'submitted'; at: number; render_ids: string[] }
  | { state: 'rejected'; at: number; reason: string }
  | { state: 'maybe'; at: number; reason: string };

export type LedgerState = LedgerEntry['state'];

export type ClaimResult =
  /** The caller now owns the item (its entry is `submitting` for `owner`). `previous`: reconcile before POSTing. */
  | { claimed: true; previous?: Extract<LedgerEntry, { state: 'maybe' | 'submitting' }> }
  /** Settled, or held by another live owner: do not POST. */
  | { claimed: false; entry: LedgerEntry };

export interface SubmissionLedger {
  /**
   * Atomically: absent → `submitting` (claimed). `maybe`, or `submitting` older than its lease →
   * `submitting` for `owner` (claimed, with `previous`). Anything else → not claimed.
   */
  claim(key: string, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** Records the outcome of the owner's attempt (`submitted`, `rejected` or `maybe`). */
  settle(key: string, entry: Exclude<LedgerEntry, { state: 'submitting' }>): Promise<void>;
  get(key: string): Promise<LedgerEntry | undefined>;
  /** Every entry, for summaries and resume. */
  entries(): AsyncIterable<[key: string, entry: LedgerEntry]>;
  close?(): Promise<void>;
}

/** True when a `submitting` entry's owner has had longer than its lease to settle it. */
export function isStale(entry: LedgerEntry, now: number): boolean {
  return entry.state === 'submitting' && now - entry.at > entry.leaseMs;
}

/** The claim rule, shared by every backend that can run it as one step (memory, file). */
export function decideClaim(entry: LedgerEntry | undefined, now: number): ClaimResult {
  if (entry === undefined) return { claimed: true };
  if (entry.state === 'maybe' || isStale(entry, now)) return { claimed: true, previous: entry as Extract<LedgerEntry, { state: 'maybe' | 'submitting' }> };
  return { claimed: false, entry };
}

/** A ledger for one process (the default of a batch). */
export class MemoryLedger implements SubmissionLedger {
  readonly #entries = new Map<string, LedgerEntry>();
  constructor(private readonly now: () => number = Date.now) {}

  claim(key: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    const at = this.now();
    const result = decideClaim(this.#entries.get(key), at);
    if (result.claimed) this.#entries.set(key, { state: 'submitting', owner, at, leaseMs });
    return Promise.resolve(result);
  }

  settle(key: string, entry: Exclude<LedgerEntry, { state: 'submitting' }>): Promise<void> {
    this.#entries.set(key, entry);
    return Promise.resolve();
  }

  get(key: string): Promise<LedgerEntry | undefined> {
    return Promise.resolve(this.#entries.get(key));
  }

  entries(): AsyncIterable<[string, LedgerEntry]> {
    return snapshotEntries(this.#entries);
  }
}

/** `entries()` for a backend that keeps its entries in a Map: a snapshot, so settling while iterating is safe. */
export function snapshotEntries(entries: ReadonlyMap<string, LedgerEntry>): AsyncIterable<[string, LedgerEntry]> {
  const snapshot = [...entries];
  let i = 0;
  const next = () => Promise.resolve(i < snapshot.length ? { value: snapshot[i++]!, done: false as const } : { value: undefined, done: true as const });
  return { [Symbol.asyncIterator]: () => ({ next }) };
}
