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

const MAX_DELAY_MS = 2_147_483_647;

interface Deadline {
  at: number;
  fire: () => void;
}

// Every pending per-attempt timeout shares one setTimeout, armed for the earliest deadline: arming and
// clearing a Node timer per request cost more CPU than the rest of a GET's bookkeeping. The timer holds
// the process open only while a deadline is pending, like one timer per attempt would.
const pending = new Set<Deadline>();
let armed: { at: number; handle: ReturnType<typeof setTimeout> } | undefined;

function arm(at: number): void {
  if (armed) clearTimeout(armed.handle);
  armed = { at, handle: setTimeout(expire, Math.min(Math.max(0, at - performance.now()), MAX_DELAY_MS)) };
}

function expire(): void {
  armed = undefined;
  const now = performance.now();
  let next = Infinity;
  for (const d of pending) {
    if (d.at <= now) {
      pending.delete(d);
      d.fire();
    } else if (d.at < next) {
      next = d.at;
    }
  }
  if (next !== Infinity) arm(next);
}

/** A Clock timer on the real clock: `fire` runs once, no sooner than `ms` from now, unless cancelled first. */
export function realTimer(ms: number, fire: () => void): () => void {
  const deadline: Deadline = { at: performance.now() + Math.min(ms, MAX_DELAY_MS), fire };
  if (pending.size === 0) armed?.handle.ref?.();
  pending.add(deadline);
  if (!armed || deadline.at < armed.at) arm(deadline.at);
  return () => {
    if (pending.delete(deadline) && pending.size === 0) armed?.handle.unref?.();
  };
}

export const realClock: Clock = { now: () => Date.now(), sleep, timer: realTimer };
