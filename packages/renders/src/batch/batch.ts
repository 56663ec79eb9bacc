// Batches: submit many renders inside the rate limit, yield each result as it finishes, and never
// submit an item twice, in this run or a resumed one.
//
// Never twice: core never retries a POST that may have reached the server, and every item goes
// through the submission ledger (src/ledger.ts) — claimed before its one POST, settled after it,
// and an unknown outcome is reconciled by its metadata tag before anyone decides again. The parts:
// `submit.ts` (the ledger rule per item), `reconcile.ts` (finding an item by its tag), `sweep.ts`
// (status checks of everything in flight), `pace.ts` (spacing submissions inside the rate limit).
// This file and everything only it imports are loaded lazily, on a batch's first `next()`: `start.ts`
// (static) checks the arguments synchronously first, so a bad call still throws at `batch()`.
import { ReelkitError } from '@reelkit/core';
import { linkSignals } from '@reelkit/core';
import { DEFAULT_LEASE_MS, MemoryLedger } from '../ledger.js';
import type { CreateRenderParams, Render } from '../types.js';
import { pacer, submitSpacingMs } from './pace.js';
import { puller, trigger } from './queue.js';
import { submitItem, type Accepted, type SubmitContext } from './submit.js';
import { sweep, type InFlight } from './sweep.js';
import type { BatchDeps, BatchGenerator, BatchOptions, BatchResult, BatchSummary } from './types.js';

const DEFAULT_POLL_INTERVAL_MS = 2000;

function emptySummary(): BatchSummary {
  return { succeeded: 0, failed: 0, submitted: 0, rejected: 0, unknown: 0, skipped: 0, error: 0, total: 0 };
}

function submitContext<T extends CreateRenderParams>(deps: BatchDeps, options: BatchOptions<T>, signal: AbortSignal): SubmitContext<T> {
  return {
    deps,
    ledger: options.ledger ?? new MemoryLedger(),
    owner: options.owner ?? crypto.randomUUID(),
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    batchId: options.batchId ?? crypto.randomUUID(),
    signal,
    wait: options.wait !== false,
    tagMetadata: options.tagMetadata !== false,
    checkModifications: options.checkModifications,
    keyOf: options.itemKey ?? ((_item, index) => String(index)),
  };
}

/** Results waiting to be yielded, the running summary, and progress reports as they arrive. */
function resultQueue<T>(options: BatchOptions<T>, total: number | undefined) {
  const summary = emptySummary();
  const results: BatchResult<T>[] = [];
  const ready = trigger();
  const push = (result: BatchResult<T>) => {
    results.push(result);
    summary[result.status]++;
    summary.total++;
    options.onProgress?.({ index: result.index, item: result.item, result, done: summary.total, total });
    ready.signal();
  };
  return { summary, results, ready, push };
}

type ResultQueue<T> = ReturnType<typeof resultQueue<T>>;

/** The items submitted and waited for: shared by the submitters and the sweeper. */
function inFlightItems<T>() {
  const items = new Set<InFlight<T>>();
  const spaceFreed = trigger();
  const workArrived = trigger();
  const track = ({ base, renders, reconciled }: Accepted<T>) => {
    items.add({ base, renders: new Map(renders.map((r) => [r.id, r])), reconciled, since: Date.now() });
    workArrived.signal();
  };
  return { items, spaceFreed, workArrived, track };
}

type InFlightItems<T> = ReturnType<typeof inFlightItems<T>>;

interface Submitters<T> {
  ctx: SubmitContext<T>;
  items: Iterable<T> | AsyncIterable<T>;
  count: number;
  concurrency: number;
  paced: () => Promise<void>;
  flight: InFlightItems<T>;
  queue: ResultQueue<T>;
}

/** Runs `count` submitters over the input; resolves with the input's own error, if it threw one. */
async function runSubmitters<T extends CreateRenderParams>({ ctx, items, count, concurrency, paced, flight, queue }: Submitters<T>): Promise<{ inputError: unknown }> {
  const pull = puller(items);
  const { signal, wait } = ctx;
  let nextIndex = 0;
  let inputError: unknown;
  async function submitter(): Promise<void> {
    while (!signal.aborted) {
      while (wait && flight.items.size >= concurrency && !signal.aborted) await flight.spaceFreed.wait();
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
      if ('result' in outcome) queue.push(outcome.result);
      else flight.track(outcome.accepted);
    }
  }
  await Promise.all(Array.from({ length: count }, submitter));
  return { inputError };
}

/** Yields results as they arrive until `all` has settled, then returns the summary (or throws the input's error). */
async function* drain<T>(queue: ResultQueue<T>, all: Promise<[{ inputError: unknown }, void]>): BatchGenerator<T> {
  let finished = false;
  const done = all.finally(() => {
    finished = true;
    queue.ready.signal();
  });
  // Settled below; a rejection before then must not be reported as unhandled.
  done.catch(() => undefined);
  for (;;) {
    const r = queue.results.shift();
    if (r) {
      yield r;
      continue;
    }
    if (finished) break;
    await queue.ready.wait();
  }
  const [{ inputError }] = await done;
  // The input iterable's own error, as it threw it.
  if (inputError !== undefined) throw inputError instanceof Error ? inputError : new ReelkitError('The batch input failed.', { cause: inputError });
  return queue.summary;
}

/** The batch proper, after `start.ts` checked its arguments: loaded on the first `next()` of a batch. */
export async function* run<T extends CreateRenderParams>(
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
  const ctx = submitContext(deps, options, signal);
  const total = Array.isArray(items) ? items.length : undefined;
  const queue = resultQueue(options, total);
  const flight = inFlightItems<T>();
  let submitting = true;
  const paced = pacer(submitSpacingMs(options.rateLimit ?? deps.rateLimit, intervalMs), signal);
  const submitted = runSubmitters({ ctx, items, count: submitters, concurrency, paced, flight, queue }).finally(() => {
    submitting = false;
    flight.workArrived.signal();
  });
  const swept = sweep<T>({
    observe: deps.observe,
    inFlight: flight.items,
    intervalMs,
    itemTimeoutMs: options.itemTimeoutMs,
    signal,
    submitting: () => submitting,
    workArrived: flight.workArrived,
    onRender: (entry, render: Render) => options.onProgress?.({ index: entry.base.index, item: entry.base.item, render, done: queue.summary.total, total }),
    finish: (entry, result) => {
      flight.items.delete(entry);
      queue.push(result);
      flight.spaceFreed.signal();
    },
  });
  try {
    return yield* drain(queue, Promise.all([submitted, swept]));
  } finally {
    // Also when the consumer stops early (break/return/throw): stop submitting and waiting.
    stop.abort();
    flight.spaceFreed.signal();
    linked.dispose();
  }
}
