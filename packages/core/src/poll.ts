// Waiting for something to finish by asking repeatedly. `get` normally calls through a client, so
// every poll request passes the client's rate limiter, retries and timeouts.
import { TimeoutError } from './errors.js';
import { abortError, linkAbort, sleep } from './retry.js';

export interface PollInterval {
  /** First wait between two polls (default 1000 ms). */
  initialMs?: number;
  /** The wait grows up to this (default 10 000 ms). */
  maxMs?: number;
  /** Growth per poll (default 1.5). */
  factor?: number;
}

export interface PollOptions<T> {
  /** Fetches the current value. Pass `signal` on to the request so a timeout or abort cancels it. */
  get: (signal: AbortSignal) => Promise<T>;
  /** true when `value` is final (polling stops after it). */
  isTerminal: (value: T) => boolean;
  signal?: AbortSignal;
  /** Overall deadline in ms; TimeoutError when it passes. Default: none. */
  timeoutMs?: number;
  interval?: PollInterval;
  /** Called with every observed value, the terminal one included. */
  onUpdate?: (value: T) => void;
}

export const DEFAULT_POLL_INTERVAL = { initialMs: 1000, maxMs: 10_000, factor: 1.5 } as const;

/** Yields every observed value; the last one yielded is terminal. */
export async function* pollIterator<T>(options: PollOptions<T>): AsyncGenerator<T, void, undefined> {
  // Field by field, so an explicit `undefined` keeps the default instead of becoming NaN.
  const initialMs = options.interval?.initialMs ?? DEFAULT_POLL_INTERVAL.initialMs;
  // A first wait longer than the default cap raises the cap with it rather than being refused.
  const maxMs = options.interval?.maxMs ?? Math.max(DEFAULT_POLL_INTERVAL.maxMs, initialMs);
  const factor = options.interval?.factor ?? DEFAULT_POLL_INTERVAL.factor;
  if (!(initialMs > 0)) throw new RangeError(`interval.initialMs must be a positive number of ms; got ${initialMs}`);
  if (!(maxMs >= initialMs)) throw new RangeError(`interval.maxMs must be ≥ interval.initialMs (${initialMs}); got ${maxMs}`);
  if (!(factor >= 1)) throw new RangeError(`interval.factor must be ≥ 1; got ${factor}`);
  const timeoutMs = options.timeoutMs;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new RangeError(`timeoutMs must be a positive number of ms; got ${timeoutMs}`);
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
      options.onUpdate?.(value);
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
