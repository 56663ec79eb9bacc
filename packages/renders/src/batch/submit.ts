// The submitter: one item through the ledger rule (src/ledger.ts) — claim, reconcile a previous
// attempt by its tag, POST at most once, settle.
import { ApiError, ReelkitError, RequestValidationError } from '@reelkit/core';
import { batchTag, type LedgerEntry, type SubmissionLedger } from '../ledger.js';
import type { CreateRenderParams, Render } from '../types.js';
import { findByTag, SEARCH_LIMIT, type TagSearch } from './reconcile.js';
import type { BatchDeps, BatchResult, ItemBase } from './types.js';

export interface SubmitContext<T> {
  deps: BatchDeps;
  ledger: SubmissionLedger;
  owner: string;
  leaseMs: number;
  batchId: string;
  signal: AbortSignal;
  wait: boolean;
  tagMetadata: boolean;
  checkModifications: boolean | undefined;
  keyOf: (item: T, index: number) => string;
}

/** An item's renders, to be waited for by the sweeper. */
export interface Accepted<T> {
  base: ItemBase<T>;
  renders: Render[];
  reconciled: boolean;
}

/** What became of one item's submission: a final result, or renders to wait for. */
export type Submitted<T> = { result: BatchResult<T> } | { accepted: Accepted<T> };

interface Item<T> {
  base: ItemBase<T>;
  params: CreateRenderParams;
  /** The batch's own tag, when it set one (then the item can be looked for). */
  tag: string | undefined;
}

function prepare<T extends CreateRenderParams>(ctx: SubmitContext<T>, item: T, index: number): Item<T> {
  const key = ctx.keyOf(item, index);
  const tag = ctx.tagMetadata && item.metadata === undefined && item.tags === undefined ? batchTag(ctx.batchId, key) : undefined;
  const metadata = tag ?? item.metadata;
  return { base: { index, item, key, metadata }, params: tag ? { ...item, metadata: tag } : item, tag };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How the reason of a `maybe` begins when its attempt provably never reached the API. */
export const NOT_SENT = 'not sent: ';

/** A definitive refusal: the API said no (4xx but 408/429), or the request failed its pre-flight checks. */
export function isRefusal(error: unknown): boolean {
  if (error instanceof RequestValidationError) return true;
  if (!(error instanceof ApiError) || error.maybeSubmitted) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * Provably never sent, yet not refused (a 429 after core's retries, a connection never made, the
 * limiter's store down, an abort before sending): worth sending again. An error that is not a
 * ReelkitError proves nothing, so it counts as maybe sent.
 */
export function isNeverSent(error: unknown): boolean {
  return error instanceof ReelkitError && !error.maybeSubmitted && !isRefusal(error);
}

export async function submitItem<T extends CreateRenderParams>(ctx: SubmitContext<T>, value: T, index: number): Promise<Submitted<T>> {
  const item = prepare(ctx, value, index);
  const claim = await ctx.ledger.claim(item.base.key, ctx.owner, ctx.leaseMs);
  if (!claim.claimed) return fromLedger(ctx, item.base, claim.entry);
  if (claim.previous) {
    const reconciled = await reconcilePrevious(ctx, item, claim.previous);
    if (reconciled) return reconciled;
  }
  return postOnce(ctx, item);
}

/**
 * An item the ledger already settled (or another live owner holds): never POSTed again. Without
 * waiting, a submitted one is reported from the ledger's render ids, not fetched: racing workers
 * would otherwise pay one GET per item the other one sent.
 */
async function fromLedger<T>(ctx: SubmitContext<T>, base: ItemBase<T>, entry: LedgerEntry): Promise<Submitted<T>> {
  if (entry.state === 'rejected') return { result: { ...base, status: 'rejected', error: new ReelkitError(`Rejected in an earlier run: ${entry.reason}`) } };
  if (entry.state !== 'submitted') return { result: { ...base, status: 'skipped', entry } };
  if (!ctx.wait) return { result: { ...base, status: 'submitted', renders: [], render_ids: entry.render_ids, reconciled: true } };
  let renders: Render[];
  try {
    renders = await ctx.deps.observe(entry.render_ids, { signal: ctx.signal });
  } catch (error) {
    return { result: { ...base, status: 'error', sent: true, renders: [], error, reconciled: true } };
  }
  return accepted(ctx, base, renders, true);
}

/**
 * A previous attempt whose outcome is unknown (`maybe`, or a `submitting` whose lease ran out):
 * found by its tag → submitted; provably absent → undefined (the caller POSTs). An item without
 * the batch's tag cannot be looked for, and a search that could not see every render it might be
 * among proves nothing: either way it stays `maybe` and is reported unknown, never POSTed.
 */
async function reconcilePrevious<T>(ctx: SubmitContext<T>, item: Item<T>, previous: Extract<LedgerEntry, { state: 'maybe' | 'submitting' }>): Promise<Submitted<T> | undefined> {
  const reason = previous.state === 'maybe' ? previous.reason : 'an earlier attempt did not settle within its lease';
  const stillUnknown = async (error: unknown, searched: boolean): Promise<Submitted<T>> => {
    await ctx.ledger.settle(item.base.key, { state: 'maybe', at: Date.now(), reason });
    return { result: { ...item.base, status: 'unknown', error, searched } };
  };
  if (!item.tag) return stillUnknown(new ReelkitError(`The outcome of an earlier submission is unknown: ${reason}`), false);
  let search: TagSearch;
  try {
    search = await findByTag(ctx.deps, item.params, item.tag, ctx.signal);
  } catch (searchError) {
    return stillUnknown(searchError, true);
  }
  if (search.found.length > 0) return settleFound(ctx, item, search.found);
  if (search.conclusive) return undefined;
  return stillUnknown(
    new ReelkitError(`The outcome of an earlier submission is unknown (${reason}): its tag is not among the ${SEARCH_LIMIT} most recent renders, and older ones cannot be searched.`),
    true,
  );
}

async function settleFound<T>(ctx: SubmitContext<T>, item: Item<T>, found: Render[]): Promise<Submitted<T>> {
  await ctx.ledger.settle(item.base.key, { state: 'submitted', at: Date.now(), render_ids: found.map((r) => r.id) });
  return accepted(ctx, item.base, found, true);
}

/** The one POST of an item, settled in the ledger whatever its outcome. */
async function postOnce<T>(ctx: SubmitContext<T>, item: Item<T>): Promise<Submitted<T>> {
  const { key } = item.base;
  let created: Render[];
  try {
    created = await ctx.deps.create(item.params, { checkModifications: ctx.checkModifications, signal: ctx.signal });
  } catch (error) {
    return failedPost(ctx, item, error);
  }
  await ctx.ledger.settle(key, { state: 'submitted', at: Date.now(), render_ids: created.map((r) => r.id) });
  return accepted(ctx, item.base, created, false);
}

/**
 * Refused → `rejected` (nothing created; a resume does not send it). Never sent → `maybe` marked
 * not sent, reported `error`: the next run's claim reconciles it (finds nothing) and sends it, with
 * no risk of a duplicate. Maybe sent → `maybe`, looked for by its tag now.
 */
async function failedPost<T>(ctx: SubmitContext<T>, item: Item<T>, error: unknown): Promise<Submitted<T>> {
  const { key } = item.base;
  if (isRefusal(error)) {
    await ctx.ledger.settle(key, { state: 'rejected', at: Date.now(), reason: reasonOf(error) });
    return { result: { ...item.base, status: 'rejected', error } };
  }
  if (isNeverSent(error)) {
    await ctx.ledger.settle(key, { state: 'maybe', at: Date.now(), reason: NOT_SENT + reasonOf(error) });
    return { result: { ...item.base, status: 'error', sent: false, renders: [], error, reconciled: false } };
  }
  await ctx.ledger.settle(key, { state: 'maybe', at: Date.now(), reason: reasonOf(error) });
  if (ctx.signal.aborted || !item.tag) return { result: { ...item.base, status: 'unknown', error, searched: false } };
  let found: Render[] = [];
  try {
    ({ found } = await findByTag(ctx.deps, item.params, item.tag, ctx.signal));
  } catch {
    // The search failed too: still unknown.
  }
  if (found.length === 0) return { result: { ...item.base, status: 'unknown', error, searched: true } };
  return settleFound(ctx, item, found);
}

function accepted<T>(ctx: SubmitContext<T>, base: ItemBase<T>, renders: Render[], reconciled: boolean): Submitted<T> {
  if (!ctx.wait) return { result: { ...base, status: 'submitted', renders, render_ids: renders.map((r) => r.id), reconciled } };
  return { accepted: { base, renders, reconciled } };
}
