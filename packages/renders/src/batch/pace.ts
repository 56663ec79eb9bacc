// Pacing submissions inside the rate limit. Core's limiter lets a window's worth of requests
// through at once and then frees slots in the same bursts, so a status check queued behind
// submissions can wait a whole window: submissions are spread evenly over the window instead,
// leaving one slot per check interval free.
import type { RateLimitWindow } from '@reelkit/core';
import { sleep } from '@reelkit/core';

/**
 * Time between two submissions: the limit's budget minus one request per status check, spread
 * evenly, with 2% to spare so that response latency (a slot is held until a window after the
 * response) never lets submissions creep into the checks' share.
 */
export function submitSpacingMs(limit: RateLimitWindow | false, pollIntervalMs: number): number {
  if (!limit) return 0;
  const checks = Math.ceil(limit.windowMs / pollIntervalMs);
  const budget = Math.max(1, limit.requests - checks);
  return (limit.windowMs / budget) * 1.02;
}

/** Reserves the next submission time (shared by every submitter) and waits for it. */
export function pacer(spacingMs: number, signal: AbortSignal): () => Promise<void> {
  let nextAt = 0;
  return async () => {
    const at = Math.max(Date.now(), nextAt);
    nextAt = at + spacingMs;
    if (at > Date.now()) await sleep(at - Date.now(), signal);
  };
}
