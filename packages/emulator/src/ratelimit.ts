// Creatomate's limit: N requests in any window of W ms per API key. A sliding log (not fixed
// buckets), because the SDK's client-side limiter promises "at most N in any W" and the two must agree.
// Real time, not the emulator clock: clients wait in real time, whatever the lifecycle clock does.

export interface RateLimitOptions {
  requests: number;
  windowMs: number;
}

export const CREATOMATE_RATE_LIMIT: RateLimitOptions = { requests: 30, windowMs: 10_000 };

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
