// Small concurrency primitives of the batch: pulling input, waking waiters, waiting with a signal.

/** Pulls items one at a time, whether the input is sync or async. */
export function puller<T>(items: Iterable<T> | AsyncIterable<T>): () => Promise<IteratorResult<T>> {
  if (Symbol.asyncIterator in items) {
    const it = items[Symbol.asyncIterator]();
    let chain: Promise<unknown> = Promise.resolve();
    return () => {
      const next = chain.then(() => it.next());
      chain = next.catch(() => undefined);
      return next;
    };
  }
  const it = items[Symbol.iterator]();
  return () => Promise.resolve(it.next());
}

/** `wait()` returns a promise that settles at the next `signal()`; any number of waiters. */
export function trigger() {
  let waiters: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((r) => waiters.push(r)),
    signal: () => {
      const woken = waiters;
      waiters = [];
      for (const w of woken) w();
    },
  };
}

export type Trigger = ReturnType<typeof trigger>;

/**
 * Waits for `promise` or the signal's abort, whichever comes first, and removes its abort listener
 * either way: the sweeper idles once per gap between items, and a listener left behind each time
 * piles up on the signal (MaxListenersExceededWarning after ten).
 */
export async function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let onAbort!: () => void;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
