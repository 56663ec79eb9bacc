// Batches: submit many renders inside the rate limit, yield each result as it finishes, and never
// submit an item twice, in this run or a resumed one.
//
// Never twice: core never retries a POST that may have reached the server, and every item goes
// through the submission ledger (src/ledger.ts) — claimed before its one POST, settled after it,
// and an unknown outcome is reconciled by its metadata tag before anyone decides again. The parts:
// `submit.ts` (the ledger rule per item), `reconcile.ts` (finding an item by its tag), `sweep.ts`
// (status checks of everything in flight), `pace.ts` (spacing submissions inside the rate limit).
import { ReelkitError, RequestValidationError } from '@reelkit/core';
import { linkSignals } from '@reelkit/core';
import { checkPositiveInteger } from '../arguments.js';
import { MemoryLedger } from '../ledger.js';
import type { CreateRenderParams, Render } from '../types.js';
import { pacer, submitSpacingMs } from './pace.js';
import { puller, trigger } from './queue.js';
import { submitItem, type Accepted, type SubmitContext } from './submit.js';
import { sweep, type InFlight } from './sweep.js';
import type { BatchDeps, BatchOptions, BatchResult, BatchSummary } from './types.js';

/** Default lease of a `submitting` claim: 5 minutes, far beyond one POST's per-attempt timeout. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 2000;

export type BatchGenerator<T> = AsyncGenerator<BatchResult<T>, BatchSummary, undefined>;

export function emptySummary(): BatchSummary {
  return { succeeded: 0, failed: 0, submitted: 0, rejected: 0, unknown: 0, skipped: 0, error: 0, total: 0 };
}

function checkItems(items: unknown): void {
  const iterable = typeof items === 'object' && items !== null && (Symbol.iterator in items || Symbol.asyncIterator in items);
  if (!iterable) throw new RequestValidationError('items: expected an iterable or async iterable of create requests', [{ path: 'items', message: 'expected an iterable or async iterable' }]);
}

export function createBatch(deps: BatchDeps) {
  return function batch<T extends CreateRenderParams>(items: Iterable<T> | AsyncIterable<T>, options: BatchOptions<T> = {}): BatchGenerator<T> {
    checkItems(items);
    const concurrency = options.concurrency ?? 50;
    const submitters = options.submitConcurrency ?? 1;
    checkPositiveInteger(concurrency, 'options.concurrency');
    checkPositiveInteger(submitters, 'options.submitConcurrency');
    return run(deps, items, options, concurrency, submitters);
  };
}

// eslint-disable-next-line max-lines-per-function -- TODO(renders): split run() into named parts (issue 10 §7, lint limit 80)
async function* run<T extends CreateRenderParams>(
  deps: BatchDeps,
  items: Iterable<T> | AsyncIterable<T>,
  options: BatchOptions<T>,
  concurrency: number,
  submitters: number,
): BatchGenerator<T> {
  const stop = new AbortController();
  const linked = linkSignals(options.signal, stop.signal);
  const signal = linked.signal;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const wait = options.wait !== false;
  const ctx: SubmitContext<T> = {
    deps,
    ledger: options.ledger ?? new MemoryLedger(),
    owner: options.owner ?? crypto.randomUUID(),
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    batchId: options.batchId ?? crypto.randomUUID(),
    signal,
    wait,
    tagMetadata: options.tagMetadata !== false,
    checkModifications: options.checkModifications,
    keyOf: options.itemKey ?? ((_item, index) => String(index)),
  };
  const paced = pacer(submitSpacingMs(options.rateLimit ?? deps.rateLimit, intervalMs), signal);
  const pull = puller(items);
  const total = Array.isArray(items) ? items.length : undefined;
  let nextIndex = 0;

  const summary = emptySummary();
  const results: BatchResult<T>[] = [];
  const resultReady = trigger();
  const push = (result: BatchResult<T>) => {
    results.push(result);
    summary[result.status]++;
    summary.total++;
    options.onProgress?.({ index: result.index, item: result.item, result, done: summary.total, total });
    resultReady.signal();
  };

  const inFlight = new Set<InFlight<T>>();
  const spaceFreed = trigger();
  const workArrived = trigger();
  let submitting = true;
  const track = ({ base, renders, reconciled }: Accepted<T>) => {
    inFlight.add({ base, renders: new Map(renders.map((r) => [r.id, r])), reconciled, since: Date.now() });
    workArrived.signal();
  };

  let inputError: unknown;
  async function submitter(): Promise<void> {
    while (!signal.aborted) {
      while (wait && inFlight.size >= concurrency && !signal.aborted) await spaceFreed.wait();
      if (signal.aborted) return;
      const index = nextIndex++;
      let next: IteratorResult<T>;
      try {
        next = await pull();
      } catch (error) {
        inputError ??= error;
        return;
      }
      if (next.done) return;
      try {
        await paced();
      } catch {
        // Aborted before this item was claimed: not reported (nor in the ledger), like every item not yet pulled.
        return;
      }
      const outcome = await submitItem(ctx, next.value, index);
      if ('result' in outcome) push(outcome.result);
      else track(outcome.accepted);
    }
  }

  let finished = false;
  const submittersDone = Promise.all(Array.from({ length: submitters }, submitter)).finally(() => {
    submitting = false;
    workArrived.signal();
  });
  const swept = sweep<T>({
    observe: deps.observe,
    inFlight,
    intervalMs,
    itemTimeoutMs: options.itemTimeoutMs,
    signal,
    submitting: () => submitting,
    workArrived,
    onRender: (entry, render: Render) => options.onProgress?.({ index: entry.base.index, item: entry.base.item, render, done: summary.total, total }),
    finish: (entry, result) => {
      inFlight.delete(entry);
      push(result);
      spaceFreed.signal();
    },
  });
  const all = Promise.all([submittersDone, swept]).finally(() => {
    finished = true;
    resultReady.signal();
  });
  // Settled below; a rejection before then must not be reported as unhandled.
  all.catch(() => undefined);
  try {
    for (;;) {
      const r = results.shift();
      if (r) {
        yield r;
        continue;
      }
      if (finished) break;
      await resultReady.wait();
    }
    await all;
    // The input iterable's own error, as it threw it.
    if (inputError !== undefined) throw inputError instanceof Error ? inputError : new ReelkitError('The batch input failed.', { cause: inputError });
    return summary;
  } finally {
    // Also when the consumer stops early (break/return/throw): stop submitting and waiting.
    stop.abort();
    spaceFreed.signal();
    linked.dispose();
  }
}

/** Runs a batch to its end: every result (in the order they finished) and the summary. */
export async function collectBatch<T>(batch: BatchGenerator<T>): Promise<{ results: BatchResult<T>[]; summary: BatchSummary }> {
  const results: BatchResult<T>[] = [];
  for (;;) {
    const next = await batch.next();
    if (next.done) return { results, summary: next.value };
    results.push(next.value);
  }
}
