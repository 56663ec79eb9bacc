// Creatomate's limit: N requests in any window of W ms per API key. A sliding log (not fixed
// buckets), because the SDK's client-side limiter promises "at most N in any W" and the two must agree.
// Real time, not the emulator clock: clients wait in real time, whatever the lifecycle clock does.

import type { RateLimitWindow } from '@reelkit/core';
import { RATE_LIMIT } from '@reelkit/core/rules/creatomate';

/** The window of a limit: core's own type (the SDK's limiter and this one must describe limits alike). */
export type RateLimitOptions = RateLimitWindow;

/** Creatomate's published limit, from the vendor rules the SDK's default comes from too. */
export const CREATOMATE_RATE_LIMIT: RateLimitOptions = RATE_LIMIT;

export class SlidingWindowLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  readonly #logs = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    if (!(options.requests >= 1) || !(options.windowMs > 0)) throw new RangeError('rateLimit needs requests >= 1 and windowMs > 0');
    this.#requests = options.requests;
    this.#windowMs = options.windowMs;
    this.#now = now;
  }

  get options(): RateLimitOptions {
    return { requests: this.#requests, windowMs: this.#windowMs };
  }

  /** Counts a request for `key`; false (and not counted) when it would exceed the limit. */
  take(key: string): boolean {
    const now = this.#now();
    let log = this.#logs.get(key);
    if (!log) this.#logs.set(key, (log = []));
    while (log.length > 0 && log[0]! <= now - this.#windowMs) log.shift();
    if (log.length >= this.#requests) return false;
    log.push(now);
    return true;
  }

  reset(): void {
    this.#logs.clear();
  }
}
