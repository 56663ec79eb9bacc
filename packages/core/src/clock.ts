// Time as a dependency: the transport and the limiter read `now` and wait with `sleep` through a
// Clock, so tests drive retries, backoff, Retry-After, rate limits and per-attempt timeouts
// without real waiting (or racing a real timer against a real socket).
import { sleep } from './retry.js';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with AbortError when `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `fire` after `ms` unless the returned cancel runs first (the per-attempt timeout). Default: setTimeout. */
  timer?(ms: number, fire: () => void): () => void;
}

/** setTimeout as a Clock timer; the delay capped at the largest setTimeout takes. */
export function realTimer(ms: number, fire: () => void): () => void {
  const handle = setTimeout(fire, Math.min(ms, 2_147_483_647));
  return () => clearTimeout(handle);
}

export const realClock: Clock = { now: () => Date.now(), sleep, timer: realTimer };
