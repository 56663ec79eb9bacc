// Time as a dependency: the transport and the limiter read `now` and wait with `sleep` through a
// Clock, so tests drive retries, backoff, Retry-After and rate limits without real waiting.
import { sleep } from './retry.js';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with AbortError when `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };
