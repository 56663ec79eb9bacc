// Client-side rate limiting: at most `requests` in any window of `windowMs`, per credential.
//
// Why not a token bucket: a bucket of capacity N refilling N per W lets 2N requests through inside
// one server window (a full bucket, then a refill), which a sliding-window server answers with 429.
// Instead each request holds a slot from the moment it is acquired until `windowMs` after its
// response arrived. The server sees the request at some instant between those two, so any server
// window (t − W, t] can only contain requests whose slots are all held at instant t — never more
// than N — with no guessed safety margin (only 1 ms for clock granularity).
import { realClock, type Clock } from './clock.js';
import { abortError } from './retry.js';

export interface RateLimitWindow {
  /** At most this many requests… */
  requests: number;
  /** …in any window of this many milliseconds. */
  windowMs: number;
}

export type Acquired = { lease: string } | { lease?: undefined; retryInMs: number | undefined };

/**
 * Where slots are kept. The in-memory store serves one process; a shared store (Redis, a database)
 * implementing this interface lets several processes share one budget.
 */
export interface RateLimitStore {
  /**
   * Takes a slot of `key` if fewer than `limit.requests` are held at `now` (epoch ms). Otherwise
   * says how long until the earliest held slot expires (undefined: every slot is held by a request
   * still in flight).
   */
  tryAcquire(key: string, limit: RateLimitWindow, now: number): Acquired | Promise<Acquired>;
  /** The slot `lease` stays held until `expiresAt` (epoch ms), then is free again. */
  release(key: string, lease: string, expiresAt: number): void | Promise<void>;
}

export interface RateLimitOptions extends RateLimitWindow {
  /** Default: one in-memory store shared by every client in this process. */
  store?: RateLimitStore;
}

export class MemoryRateLimitStore implements RateLimitStore {
  // key → lease → expiry (Infinity while the request is in flight)
  readonly #slots = new Map<string, Map<string, number>>();
  #next = 0;

  tryAcquire(key: string, limit: RateLimitWindow, now: number): Acquired {
    let slots = this.#slots.get(key);
    if (!slots) this.#slots.set(key, (slots = new Map<string, number>()));
    let earliest = Infinity;
    for (const [lease, expiresAt] of slots) {
      if (expiresAt <= now) slots.delete(lease);
      else if (expiresAt < earliest) earliest = expiresAt;
    }
    if (slots.size < limit.requests) {
      const lease = String(++this.#next);
      slots.set(lease, Infinity);
      return { lease };
    }
    return { retryInMs: earliest === Infinity ? undefined : earliest - now };
  }

  release(key: string, lease: string, expiresAt: number): void {
    const slots = this.#slots.get(key);
    if (slots?.has(lease)) slots.set(lease, expiresAt);
  }
}

/** A held slot. Call `release()` once the response (or the failure) has arrived. */
export interface Lease {
  release(): void;
}

interface Waiter {
  limit: RateLimitWindow;
  resolve(lease: Lease): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/** FIFO queue in front of one store key, so waiting callers are served in arrival order. */
export class Limiter {
  readonly #store: RateLimitStore;
  readonly #key: string;
  readonly #waiters: Waiter[] = [];
  #pumping = false;
  #wake: (() => void) | undefined;
  // Set by a release that happened while the pump was not waiting, so the wake-up is not lost.
  #released = false;

  readonly #clock: Clock;

  /** `clock` supplies `now` for the store and the waits between tries (tests drive it). */
  constructor(store: RateLimitStore, key: string, clock: Clock = realClock) {
    this.#store = store;
    this.#key = key;
    this.#clock = clock;
  }

  acquire(limit: RateLimitWindow, signal?: AbortSignal): Promise<Lease> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<Lease>((resolve, reject) => {
      const waiter: Waiter = { limit, resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.#waiters.indexOf(waiter);
          if (i >= 0) this.#waiters.splice(i, 1);
          // Nobody left to serve: end the pump's wait so its timer does not keep the process alive.
          if (this.#waiters.length === 0) this.#wake?.();
          reject(abortError(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiters.push(waiter);
      void this.#pump();
    });
  }

  #notify(): void {
    this.#released = true;
    this.#wake?.();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#waiters.length > 0) {
        const head = this.#waiters[0]!;
        this.#released = false;
        const got = await this.#store.tryAcquire(this.#key, head.limit, this.#clock.now());
        if (got.lease !== undefined) {
          const lease = got.lease;
          // The head may have been aborted while the store answered; then the next one gets the slot.
          const waiter = this.#waiters.shift();
          if (!waiter) {
            await this.#store.release(this.#key, lease, this.#clock.now());
            continue;
          }
          if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
          const windowMs = waiter.limit.windowMs;
          let released = false;
          waiter.resolve({
            release: () => {
              if (released) return;
              released = true;
              // +1 ms: timestamps are whole milliseconds and a server may count its window inclusively.
              void Promise.resolve(this.#store.release(this.#key, lease, this.#clock.now() + windowMs + 1)).then(
                () => this.#notify(),
                () => this.#notify(),
              );
            },
          });
          continue;
        }
        // No slot: wait for the earliest expiry, or for a slot of this process to be released
        // (a shared store's other processes do not notify us, hence the bounded fallback).
        if (this.#released) continue;
        const waitMs = got.retryInMs ?? Math.min(head.limit.windowMs, 1000);
        const wake = new AbortController();
        this.#wake = () => wake.abort();
        // Woken early (a release, or nobody left waiting) is as good as the wait ending.
        await this.#clock.sleep(Math.max(1, waitMs), wake.signal).catch(() => undefined);
        this.#wake = undefined;
      }
    } catch (error) {
      // A failing store fails every waiter rather than leaving them hanging.
      for (const w of this.#waiters.splice(0)) {
        if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
        w.reject(error);
      }
    } finally {
      this.#pumping = false;
    }
  }
}

const defaultStore = new MemoryRateLimitStore();
const registry = new WeakMap<RateLimitStore, Map<string, Limiter>>();
const clockRegistry = new WeakMap<Clock, WeakMap<RateLimitStore, Map<string, Limiter>>>();

/**
 * The limiter every client of this process shares for `vendor` + credential. The key holds a hash
 * of the credential, never the credential itself (a shared store may be readable by others).
 */
export function sharedLimiter(vendor: string, credential: string, store: RateLimitStore = defaultStore, clock: Clock = realClock): Limiter {
  // Clients on another clock (tests) get limiters of their own: one queue cannot follow two clocks.
  const stores = clock === realClock ? registry : (clockRegistry.get(clock) ?? clockRegistry.set(clock, new WeakMap()).get(clock)!);
  let byKey = stores.get(store);
  if (!byKey) stores.set(store, (byKey = new Map<string, Limiter>()));
  const key = `reelkit:${vendor}:${hashCredential(credential)}`;
  let limiter = byKey.get(key);
  if (!limiter) byKey.set(key, (limiter = new Limiter(store, key, clock)));
  return limiter;
}

/** 64-bit non-cryptographic hash (cyrb53 lanes); enough to key a map without revealing the key. */
export function hashCredential(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
