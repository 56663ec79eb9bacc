// What `batch()` does before the batch itself is loaded: the argument checks, synchronously, so a
// malformed call throws at `batch()` as it always did. The batch proper (`batch.ts`: submitters,
// sweeper, ledger rule, reconciliation) is a dynamic import() on the first `next()` of the first
// batch, so an app that never batches (a browser creating one render) never downloads it.
import { RequestValidationError } from '@reelkit/core';
import { checkPositiveInteger } from '../arguments.js';
import { lazily } from '../lazy.js';
import type { CreateRenderParams } from '../types.js';
import type { BatchDeps, BatchGenerator, BatchOptions, BatchResult, BatchSummary } from './types.js';

const loadBatch = lazily('batch', () => import('./batch.js'));

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
    return loaded(deps, items, options, concurrency, submitters);
  };
}

/** Like the batch it loads: nothing runs before the first `next()`; `return()`/`throw()` reach the batch through `yield*`. */
async function* loaded<T extends CreateRenderParams>(
  deps: BatchDeps,
  items: Iterable<T> | AsyncIterable<T>,
  options: BatchOptions<T>,
  concurrency: number,
  submitters: number,
): BatchGenerator<T> {
  const { run } = await loadBatch();
  return yield* run(deps, items, options, concurrency, submitters);
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
