import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AbortError, ApiError, ConnectionError, isMaybeSubmitted, linkSignals, pickCallOptions, ReelkitError, RequestValidationError, sleep, toIssues } from '../src/index.js';

describe('pickCallOptions', () => {
  it('copies signal, timeoutMs and maxRetries and drops every other key', () => {
    const signal = new AbortController().signal;
    const smuggled = { signal, timeoutMs: 5, maxRetries: 1, retrySafe: true, body: { x: 1 }, params: { query: {} }, headers: {} };
    expect(pickCallOptions(smuggled)).toEqual({ signal, timeoutMs: 5, maxRetries: 1 });
    expect(Object.keys(pickCallOptions({ timeoutMs: undefined }))).toEqual([]);
    expect(pickCallOptions()).toEqual({});
  });
});

describe('maybeSubmitted', () => {
  it('is false on every error unless set, and isMaybeSubmitted reads it', () => {
    expect(new ReelkitError('x').maybeSubmitted).toBe(false);
    expect(new RequestValidationError('x').maybeSubmitted).toBe(false);
    expect(isMaybeSubmitted(new ConnectionError('x', { maybeSubmitted: true }))).toBe(true);
    expect(isMaybeSubmitted(new ApiError('x', { status: 502, method: 'POST', path: '/renders', maybeSubmitted: true }))).toBe(true);
    expect(isMaybeSubmitted(new ApiError('x', { status: 400, method: 'POST', path: '/renders' }))).toBe(false);
    expect(isMaybeSubmitted(new Error('x'))).toBe(false);
    expect(isMaybeSubmitted({ maybeSubmitted: true })).toBe(false);
  });
});

describe('sleep', () => {
  it('rejects with AbortError when the signal fires', async () => {
    const c = new AbortController();
    const pending = sleep(60_000, c.signal);
    c.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    await expect(sleep(1, c.signal)).rejects.toBeInstanceOf(AbortError);
  });
});

describe('linkSignals', () => {
  it('aborts when any input aborts, with its reason, and dispose removes the listeners', () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkSignals(a.signal, undefined, b.signal);
    b.abort('why');
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe('why');
    const other = linkSignals(a.signal);
    other.dispose();
    a.abort();
    expect(other.signal.aborted).toBe(false);
  });

  it('starts aborted when an input already is', () => {
    expect(linkSignals(AbortSignal.abort('done')).signal.reason).toBe('done');
  });
});

describe('toIssues', () => {
  it('joins paths with dots under an optional prefix and names unknown keys', () => {
    const schema = z.strictObject({ a: z.array(z.strictObject({ b: z.string() })) });
    const result = schema.safeParse({ a: [{ b: 1, c: 2 }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = toIssues(result.error, 'body');
    expect(issues.map((i) => i.path).sort()).toEqual(['body.a.0.b', 'body.a.0.c']);
    expect(toIssues(result.error).map((i) => i.path)).toContain('a.0.b');
  });
});

describe('client.rateLimit', () => {
  it('is the window the client waits for, or false when limiting is off', async () => {
    const { createCreatomateClient, createCreatifyClient } = await import('../src/index.js');
    expect(createCreatomateClient({ apiKey: 'k-0123456789' }).rateLimit).toEqual({ requests: 30, windowMs: 10_000 });
    expect(createCreatomateClient({ apiKey: 'k-0123456789', rateLimit: { requests: 2, windowMs: 50 } }).rateLimit).toEqual({ requests: 2, windowMs: 50 });
    expect(createCreatomateClient({ apiKey: 'k-0123456789', rateLimit: false }).rateLimit).toBe(false);
    expect(createCreatifyClient({ apiId: 'id-0123', apiKey: 'k-0123456789' }).rateLimit).toBe(false);
  });
});
