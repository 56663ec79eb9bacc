// Backoff and waiting. The decision *whether* to retry lives in the transport (client.ts), next to
// the money-safety rule; this file only answers "how long".
import { AbortError } from './errors.js';

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** A server asking for a longer wait than this is not waited for: the error surfaces instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff, capped, with jitter in [0.75, 1] so synchronized clients spread out. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

/**
 * How long the server asked us to wait: `retry-after-ms` first (milliseconds), then `Retry-After`
 * as seconds or an HTTP date. undefined when there is no usable header.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  }
  const ra = headers.get('retry-after');
  if (ra === null || ra.trim() === '') return undefined;
  const seconds = Number(ra);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const date = Date.parse(ra);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function abortError(signal: AbortSignal, maybeSubmitted = false): AbortError {
  return new AbortError(
    maybeSubmitted
      ? 'The operation was aborted by the caller after the request was sent; the server may have acted on it.'
      : 'The operation was aborted by the caller.',
    { cause: signal.reason, maybeSubmitted },
  );
}

/**
 * Aborts `child` when `parent` aborts; the returned function unlinks them. Used instead of
 * AbortSignal.any, which on Node 20 keeps a reference on a long-lived parent signal per call
 * (memory grows when one app-wide signal is passed to every request).
 */
const NOTHING_TO_UNLINK = () => {};

export function linkAbort(parent: AbortSignal | undefined, child: AbortController): () => void {
  if (!parent) return NOTHING_TO_UNLINK;
  if (parent.aborted) {
    child.abort(parent.reason);
    return NOTHING_TO_UNLINK;
  }
  const onAbort = () => child.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return () => parent.removeEventListener('abort', onAbort);
}

/**
 * One signal that aborts when any of `signals` does (with that signal's reason); `dispose()`
 * removes the listeners. Use this, never AbortSignal.any: on Node 20 that keeps a reference on a
 * long-lived input signal per call, so memory grows when one app-wide signal is reused.
 */
export function linkSignals(...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const unlinks: (() => void)[] = [];
  for (const s of signals) {
    if (controller.signal.aborted) break;
    unlinks.push(linkAbort(s, controller));
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const unlink of unlinks) unlink();
      unlinks.length = 0;
    },
  };
}

/** Resolves after `ms`, or rejects with AbortError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What one attempt ended with, as far as the retry decision cares. */
export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfterMs: number | undefined }
  | { kind: 'timeout' }
  /** `neverSent`: the failure provably happened before any byte reached the server. */
  | { kind: 'connection'; neverSent: boolean };

export interface RetryInput {
  outcome: AttemptOutcome;
  /** From the spec (`x-reelkit-repeatable`), never from call options. */
  repeatable: boolean;
  /** 1-based number of the attempt that just ended. */
  attempt: number;
  maxRetries: number;
  random?: () => number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * The money-safety rule in one place. A repeatable operation is retried after timeouts, dropped
 * connections, 408/409 and 5xx; a non-repeatable one (a paid POST) only when the server provably did
 * not act: a 429, or a connection that never carried the request. A server asking for a longer
 * wait than MAX_RETRY_AFTER_MS gets its error surfaced instead of a long sleep.
 */
export function decideRetry({ outcome, repeatable, attempt, maxRetries, random }: RetryInput): RetryDecision {
  if (attempt > maxRetries) return { retry: false };
  const backoff = { retry: true, delayMs: backoffMs(attempt - 1, random) } as const;
  switch (outcome.kind) {
    case 'timeout':
      return repeatable ? backoff : { retry: false };
    case 'connection':
      return repeatable || outcome.neverSent ? backoff : { retry: false };
    case 'status': {
      const { status, retryAfterMs: asked } = outcome;
      const retryable = status === 429 || (repeatable && (status === 408 || status === 409 || status >= 500));
      if (!retryable) return { retry: false };
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return { retry: false };
      return asked === undefined ? backoff : { retry: true, delayMs: asked };
    }
  }
}
