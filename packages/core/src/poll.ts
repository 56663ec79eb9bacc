// Waiting for something to finish by asking repeatedly. `get` normally calls through a client, so
// every poll request passes the client's rate limiter, retries and timeouts.
import { RequestValidationError, TimeoutError } from './errors.js';
import type { WaitOptions } from './options.js';
import { abortError, linkAbort, sleep } from './retry.js';

export type { PollInterval } from './options.js';

export interface PollOptions<T> extends Omit<WaitOptions<T>, 'request'> {
  /** Fetches the current value. Pass `signal` on to the request so a deadline or abort cancels it. */
  get: (signal: AbortSignal) => Promise<T>;
  /** true when `value` is final (polling stops after it). An unknown status should answer false. */
  isTerminal: (value: T) => boolean;
  /** @deprecated Use `deadlineMs`. */
  timeoutMs?: number;
  /** @deprecated Use `onProgress`. */
  onUpdate?: (value: T) => void;
}

function invalidOption(message: string): RequestValidationError {
  const path = message.split(' ')[0] ?? '(root)';
  return new RequestValidationError(message, [{ path, message }]);
}

export const DEFAULT_POLL_INTERVAL = { initialMs: 1000, maxMs: 10_000, factor: 1.5 } as const;

/** Yields every observed value; the last one yielded is terminal. */
export async function* pollIterator<T>(options: PollOptions<T>): AsyncGenerator<T, void, undefined> {
  // Field by field, so an explicit `undefined` keeps the default instead of becoming NaN.
  const initialMs = options.interval?.initialMs ?? DEFAULT_POLL_INTERVAL.initialMs;
  // A first wait longer than the default cap raises the cap with it rather than being refused.
  const maxMs = options.interval?.maxMs ?? Math.max(DEFAULT_POLL_INTERVAL.maxMs, initialMs);
  const factor = options.interval?.factor ?? DEFAULT_POLL_INTERVAL.factor;
  if (!(initialMs > 0)) throw invalidOption(`interval.initialMs must be a positive number of ms; got ${initialMs}`);
  if (!(maxMs >= initialMs)) throw invalidOption(`interval.maxMs must be ≥ interval.initialMs (${initialMs}); got ${maxMs}`);
  if (!(factor >= 1)) throw invalidOption(`interval.factor must be ≥ 1; got ${factor}`);
  const timeoutMs = options.deadlineMs ?? options.timeoutMs;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw invalidOption(`deadlineMs must be a positive number of ms; got ${timeoutMs}`);
  const onProgress = options.onProgress ?? options.onUpdate;
  const deadline = new AbortController();
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => deadline.abort(), Math.min(timeoutMs, 2_147_483_647));
  const unlink = linkAbort(options.signal, deadline);
  const signal = deadline.signal;
  // Whatever the deadline interrupted (a request, a wait) surfaces as one TimeoutError.
  const translate = (err: unknown): unknown => {
    if (options.signal?.aborted) return abortError(options.signal);
    if (deadline.signal.aborted) return new TimeoutError(`Polling gave up after ${timeoutMs} ms without reaching a final state.`, { cause: err });
    return err;
  };
  try {
    let delay = initialMs;
    for (;;) {
      if (signal.aborted) throw translate(undefined);
      let value: T;
      try {
        value = await options.get(signal);
      } catch (err) {
        throw translate(err);
      }
      onProgress?.(value);
      yield value;
      if (options.isTerminal(value)) return;
      try {
        await sleep(delay, signal);
      } catch (err) {
        throw translate(err);
      }
      delay = Math.min(delay * factor, maxMs);
    }
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

/** Polls until `isTerminal`, resolving to the terminal value. */
export async function poll<T>(options: PollOptions<T>): Promise<T> {
  let last: T | undefined;
  let seen = false;
  for await (const value of pollIterator(options)) {
    last = value;
    seen = true;
  }
  // pollIterator only ends normally after yielding a terminal value.
  if (!seen) throw new TimeoutError('Polling ended without a value.');
  return last as T;
}
