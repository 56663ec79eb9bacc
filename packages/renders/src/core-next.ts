// TODO(core-policy): a stand-in for the shared shapes the core engineer lands in
// `@reelkit/core` (packages/core/src/options.ts). Same names and meanings as the agreed contract;
// delete this file and import them from '@reelkit/core' once they are on main.
import { AbortError, ReelkitError, type ApiClient, type PollInterval, type RateLimitWindow, type ValidationIssue } from '@reelkit/core';
import { poll as corePoll } from '@reelkit/core';

/** The one per-call options type every package method takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per attempt. */
  timeoutMs?: number;
  /** Only repeatable operations (per the spec) are ever retried after an unknown outcome. */
  maxRetries?: number;
}

/** Copies only the three call options: no stray `body`, `params` or `retrySafe` reaches core. */
export function pickCallOptions(o?: CallOptions): CallOptions {
  const out: CallOptions = {};
  if (o?.signal !== undefined) out.signal = o.signal;
  if (o?.timeoutMs !== undefined) out.timeoutMs = o.timeoutMs;
  if (o?.maxRetries !== undefined) out.maxRetries = o.maxRetries;
  return out;
}

export interface WaitOptions<T> {
  signal?: AbortSignal;
  /** Overall deadline of the whole wait (TimeoutError). */
  deadlineMs?: number;
  interval?: PollInterval;
  onProgress?: (value: T) => void;
  /** Options for each poll request. */
  request?: CallOptions;
}

export function isMaybeSubmitted(err: unknown): boolean {
  return err instanceof ReelkitError && (err as ReelkitError & { maybeSubmitted?: boolean }).maybeSubmitted === true;
}

/** zod issues → `ValidationIssue`s with paths like `a.0.b` (structurally a ZodError). */
export function toIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix = ''): ValidationIssue[] {
  return error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter((s) => s !== '').join('.');
    return { path: path === '' ? '(root)' : path, message: i.message };
  });
}

/** `client.rateLimit` until core exposes it. */
export function rateLimitOf(client: ApiClient<unknown>): RateLimitWindow | false {
  const limit = (client as { rateLimit?: RateLimitWindow | false }).rateLimit ?? client.toJSON().rateLimit;
  const l = limit as Partial<RateLimitWindow> | false | undefined;
  return l && typeof l.requests === 'number' && typeof l.windowMs === 'number' ? { requests: l.requests, windowMs: l.windowMs } : false;
}

/** Core's `poll` under the agreed names (`deadlineMs`, `onProgress`). */
export function poll<T>(o: {
  get: (signal: AbortSignal) => Promise<T>;
  isTerminal: (value: T) => boolean;
  signal?: AbortSignal | undefined;
  deadlineMs?: number | undefined;
  interval?: PollInterval | undefined;
  onProgress?: ((value: T) => void) | undefined;
}): Promise<T> {
  return corePoll({
    get: o.get,
    isTerminal: o.isTerminal,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.deadlineMs !== undefined ? { timeoutMs: o.deadlineMs } : {}),
    ...(o.interval ? { interval: o.interval } : {}),
    ...(o.onProgress ? { onUpdate: o.onProgress } : {}),
  });
}

const abortError = (signal: AbortSignal) => new AbortError('The operation was aborted by the caller.', { cause: signal.reason });

/** Resolves after `ms`, or rejects with core's AbortError as soon as `signal` fires. */
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

/** One signal that fires when any of `signals` does; `dispose()` removes the listeners (never AbortSignal.any). */
export function linkSignals(...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const unlinks: (() => void)[] = [];
  for (const s of signals) {
    if (!s) continue;
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    const onAbort = () => controller.abort(s.reason);
    s.addEventListener('abort', onAbort, { once: true });
    unlinks.push(() => s.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, dispose: () => unlinks.forEach((u) => u()) };
}
