import { describe, expect, it } from 'vitest';
import { ReelkitError } from '@reelkit/core';
import { lazily } from '../src/lazy.js';

describe('lazily loaded code', () => {
  it('runs the import once and shares it between calls', async () => {
    let runs = 0;
    const load = lazily('probe', () => Promise.resolve({ value: ++runs }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
  });

  it('turns a failed load into a ReelkitError naming the code, with the cause, and tries again on the next call', async () => {
    const chunkError = new TypeError('Failed to fetch dynamically imported module');
    let attempts = 0;
    const load = lazily('modification check', () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(chunkError) : Promise.resolve('loaded');
    });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReelkitError);
    expect((error as ReelkitError).message).toContain('modification check');
    expect((error as ReelkitError).cause).toBe(chunkError);
    await expect(load()).resolves.toBe('loaded');
  });
});
