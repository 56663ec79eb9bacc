// The sliding-window limiter on a virtual clock: the policy (never more than N in any window of W,
// waiting exactly until a slot frees) is checked without waiting in real time.
import { describe, expect, it } from 'vitest';
import { createCreatomateClient, MemoryRateLimitStore, type Clock } from '../src/index.js';
import { render, RENDER_ID } from './helpers.js';

/**
 * Virtual time: a sleep ends on the next macrotask and then moves the clock forward by its length,
 * unless it was woken first (a release), as a real timer would be. Work already queued (responses,
 * releases) runs before time moves.
 */
function virtualClock(): Clock {
  let now = 1_000_000;
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          if (signal?.aborted) return reject(new Error('woken'));
          now += ms;
          resolve();
        });
      }),
  };
}

function maxInAnyWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (const t of times) max = Math.max(max, times.filter((u) => u > t - windowMs && u <= t).length);
  return max;
}

describe('rate limiter on a virtual clock', () => {
  it.each([
    ['sequential', false],
    ['concurrent', true],
  ])('%s calls: never more than 5 in any 2 s window, and no longer waits than needed', async (_name, concurrent) => {
    const clock = virtualClock();
    const arrivals: number[] = [];
    const fetch = () => {
      arrivals.push(clock.now());
      return Promise.resolve(new Response(JSON.stringify(render()), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    };
    const client = createCreatomateClient({ apiKey: `limiter-${String(concurrent)}-0123`, baseUrl: 'http://x.invalid/v1', fetch, clock, rateLimit: { requests: 5, windowMs: 2000, store: new MemoryRateLimitStore() } });
    const get = () => client.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });
    if (concurrent) await Promise.all(Array.from({ length: 12 }, get));
    else for (let i = 0; i < 12; i++) await get();
    expect(arrivals).toHaveLength(12);
    expect(maxInAnyWindow(arrivals, 2000)).toBe(5);
    // 12 calls at 5 per window: the 6th and the 11th each wait one window (+1 ms of clock granularity).
    const elapsed = arrivals[11]! - arrivals[0]!;
    expect(elapsed).toBeGreaterThanOrEqual(4000);
    expect(elapsed).toBeLessThanOrEqual(4010);
  });
});
