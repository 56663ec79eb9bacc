// The sweeper: checks every render in flight together, one request per interval (see `observe`),
// and finishes an item once all of its renders are final.
import { AbortError, TimeoutError } from '@reelkit/core';
import { sleep } from '@reelkit/core';
import { RenderFailedError } from '../errors.js';
import type { Observe } from '../observe.js';
import { isTerminal, type Render } from '../types.js';
import { untilAborted, type Trigger } from './queue.js';
import type { BatchResult, ItemBase } from './types.js';

// Consecutive failed status checks (each already retried by core) after which items in flight are given up.
const MAX_SWEEP_FAILURES = 5;

export interface InFlight<T> {
  base: ItemBase<T>;
  renders: Map<string, Render>;
  reconciled: boolean;
  since: number;
}

export interface SweepContext<T> {
  observe: Observe;
  inFlight: Set<InFlight<T>>;
  intervalMs: number;
  itemTimeoutMs: number | undefined;
  signal: AbortSignal;
  /** True while submitters may still add items. */
  submitting: () => boolean;
  workArrived: Trigger;
  onRender: (entry: InFlight<T>, render: Render) => void;
  finish: (entry: InFlight<T>, result: BatchResult<T>) => void;
}

const giveUp = <T>(ctx: SweepContext<T>, entry: InFlight<T>, error: unknown) =>
  ctx.finish(entry, { ...entry.base, status: 'error', sent: true, renders: [...entry.renders.values()], error, reconciled: entry.reconciled });

/** The item's result once every render is final, else undefined. */
function finalResult<T>(entry: InFlight<T>): BatchResult<T> | undefined {
  const all = [...entry.renders.values()];
  if (!all.every(isTerminal)) return undefined;
  const failed = all.find((r) => r.status === 'failed');
  return failed
    ? { ...entry.base, status: 'failed', renders: all, error: new RenderFailedError(failed, all), reconciled: entry.reconciled }
    : { ...entry.base, status: 'succeeded', renders: all, reconciled: entry.reconciled };
}

/** One status check of every render in flight; finishes the items that are done or timed out. */
async function checkOnce<T>(ctx: SweepContext<T>): Promise<void> {
  const entries = [...ctx.inFlight];
  const ids = entries.flatMap((e) => [...e.renders.values()].filter((r) => !isTerminal(r)).map((r) => r.id));
  const observed = new Map((await ctx.observe(ids, { signal: ctx.signal })).map((r) => [r.id, r]));
  for (const entry of entries) {
    for (const id of entry.renders.keys()) {
      const r = observed.get(id);
      if (!r) continue;
      entry.renders.set(id, r);
      ctx.onRender(entry, r);
    }
    const result = finalResult(entry);
    if (result) ctx.finish(entry, result);
    else if (ctx.itemTimeoutMs !== undefined && Date.now() - entry.since > ctx.itemTimeoutMs) {
      giveUp(ctx, entry, new TimeoutError(`Renders of batch item ${entry.base.index} did not finish within ${ctx.itemTimeoutMs} ms.`));
    }
  }
}

/** Waits until an item is in flight (or submitting ends, or the abort); false when aborted. */
async function idle<T>(ctx: SweepContext<T>): Promise<boolean> {
  const arrived = ctx.workArrived.wait();
  // Re-check after arming: a submission may have landed in between.
  if (ctx.inFlight.size === 0 && ctx.submitting()) await untilAborted(arrived, ctx.signal);
  return !ctx.signal.aborted;
}

export async function sweep<T>(ctx: SweepContext<T>): Promise<void> {
  let failures = 0;
  // Checks start every interval (fixed rate, not interval-after-finish): time a check spends
  // waiting for a rate-limit slot does not push every later check back.
  let lastStart = Date.now();
  while (ctx.submitting() || ctx.inFlight.size > 0) {
    if (ctx.inFlight.size === 0) {
      if (!(await idle(ctx))) break;
      // Work (again): its first check is one interval away, a render is never done at once.
      lastStart = Date.now();
      continue;
    }
    try {
      await sleep(Math.max(0, lastStart + ctx.intervalMs - Date.now()), ctx.signal);
    } catch {
      break;
    }
    lastStart = Date.now();
    const entries = [...ctx.inFlight];
    try {
      await checkOnce(ctx);
      failures = 0;
    } catch (error) {
      if (ctx.signal.aborted) break;
      if (++failures >= MAX_SWEEP_FAILURES) {
        for (const entry of entries) if (ctx.inFlight.has(entry)) giveUp(ctx, entry, error);
        failures = 0;
      }
    }
  }
  // Left only when stopped: the renders keep going at Creatomate, the batch stops watching them.
  for (const entry of [...ctx.inFlight]) giveUp(ctx, entry, new AbortError('The batch was stopped before these renders finished.', { cause: ctx.signal.reason }));
}
