// The batch's public types and what it needs from the renders client (passed in, never imported
// back from renders.ts: no cycle).
import type { RateLimitWindow } from '@reelkit/core';
import type { CallOptions } from '@reelkit/core';
import type { RenderFailedError } from '../errors.js';
import type { LedgerEntry, SubmissionLedger } from '../ledger.js';
import type { Observe } from '../observe.js';
import type { CreateOptions, CreateRenderParams, ListRendersQuery, Render } from '../types.js';

/** What a batch builds on: the renders operations it calls and the client's rate limit. */
export interface BatchDeps {
  create(params: CreateRenderParams, options: CreateOptions): Promise<Render[]>;
  list(query: ListRendersQuery, options: CallOptions): Promise<Render[]>;
  observe: Observe;
  rateLimit: RateLimitWindow | false;
}

export interface BatchProgress<T> {
  /** Position of the item in the input. */
  index: number;
  item: T;
  /** A status observation of one of the item's renders. */
  render?: Render;
  /** The item's final result (once per item). */
  result?: BatchResult<T>;
  /** Results reported so far. */
  done: number;
  /** Items in the input, when it is an array; otherwise undefined. */
  total: number | undefined;
}

export interface BatchOptions<T = CreateRenderParams> {
  /** Items in flight at once (submitted, not yet finished). Default 50. */
  concurrency?: number;
  /** Submissions (POSTs) outstanding at once. Default 1: enough to use the whole rate limit. */
  submitConcurrency?: number;
  /** Time between status checks of the renders in flight. Default 2000 ms. */
  pollIntervalMs?: number;
  /**
   * The rate limit to pace submissions for. Default: the core client's (`client.rateLimit`).
   * Submissions are spread evenly over the window, leaving room for the status checks.
   */
  rateLimit?: RateLimitWindow | false;
  /** An item whose renders are not finished this long after submission is reported as `error` (TimeoutError). */
  itemTimeoutMs?: number;
  /** Called with every status observed and with every item's result. */
  onProgress?: (progress: BatchProgress<T>) => void;
  /** Stops submitting and waiting; items in flight are reported as `error`. */
  signal?: AbortSignal;
  /** Default true: wait for each item's renders to finish. false: yield as soon as submitted. */
  wait?: boolean;
  /** Default true: check every item's modifications first (see `renders.create`). */
  checkModifications?: boolean;
  /**
   * Default true: an item without `metadata` (and without `tags`) is sent with a unique
   * `reelkit-batch:<batchId>:<key>` so that an unknown submission can be looked for. Items that
   * set `metadata` are sent unchanged, and are not looked for.
   */
  tagMetadata?: boolean;
  /** Where each item's submission is recorded. Default: a new `MemoryLedger` (this call only). */
  ledger?: SubmissionLedger;
  /** Default random. Pass a stable one, with a ledger that outlives the process, to resume a batch. */
  batchId?: string;
  /** The item's ledger key and metadata tag suffix. Default `String(index)`. */
  itemKey?: (item: T, index: number) => string;
  /** Who claims the items in the ledger. Default random per call. */
  owner?: string;
  /** How long a `submitting` claim is honoured before another run may reconcile it. Default 5 minutes. */
  leaseMs?: number;
}

interface ResultBase<T> {
  /** Position of the item in the input. */
  index: number;
  item: T;
  /** The item's ledger key. */
  key: string;
  /** The metadata sent with the item (the batch's tag, or the item's own). */
  metadata: string | undefined;
}

export type BatchResult<T = CreateRenderParams> =
  /** Every render of the item succeeded. `reconciled`: not from this run's answer (found by its tag, or submitted by an earlier run). */
  | (ResultBase<T> & { status: 'succeeded'; renders: Render[]; reconciled: boolean })
  /** At least one render of the item failed; `error.reason` says why. */
  | (ResultBase<T> & { status: 'failed'; renders: Render[]; error: RenderFailedError; reconciled: boolean })
  /**
   * With `wait: false`: submitted, not waited for. `render_ids`: always the item's renders.
   * `renders`: as answered or found in this run; empty for an item reported from the ledger (an
   * earlier run or another worker submitted it), which is not fetched.
   */
  | (ResultBase<T> & { status: 'submitted'; renders: Render[]; render_ids: string[]; reconciled: boolean })
  /**
   * Nothing was created and nothing will be sent again: the API refused the submission (a 4xx
   * other than 408/429), or it failed its pre-flight checks (invalid, or modification problems),
   * now or in an earlier run (the ledger says so). Fix it, then send it under a new key or batch.
   */
  | (ResultBase<T> & { status: 'rejected'; error: unknown })
  /**
   * The submission may or may not have created renders, and none was found (`searched`: it was
   * looked for by its tag). Not resubmitted, not guessed: the ledger keeps it `maybe`, and a
   * resumed run looks for it again before deciding.
   */
  | (ResultBase<T> & { status: 'unknown'; error: unknown; searched: boolean })
  /** Another live owner holds the item in the ledger (a concurrent run): not touched. */
  | (ResultBase<T> & { status: 'skipped'; entry: LedgerEntry })
  /**
   * Submitted (`renders` as last seen), but waiting stopped: abort, timeout, or repeated polling
   * errors (`sent: true`). Or never sent (`sent: false`, `renders` empty) for a passing reason — a
   * 429 after core's retries, a connection never made, the rate limiter's store (Redis) down, an
   * abort before sending: the ledger keeps it `maybe` (reason `not sent: …`) and the next run sends it.
   */
  | (ResultBase<T> & { status: 'error'; sent: boolean; renders: Render[]; error: unknown; reconciled: boolean });

export type BatchStatus = BatchResult['status'];

/** What `batch()` returns: results as they finish, then the summary. */
export type BatchGenerator<T> = AsyncGenerator<BatchResult<T>, BatchSummary, undefined>;

/** Counts of the results, by status; `total` is every result reported. The generator's return value. */
export interface BatchSummary {
  succeeded: number;
  failed: number;
  submitted: number;
  rejected: number;
  unknown: number;
  skipped: number;
  error: number;
  total: number;
}

export type ItemBase<T> = ResultBase<T>;
