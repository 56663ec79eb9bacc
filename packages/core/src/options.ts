// The one shape of per-call and wait options every reelkit package takes, so a CLI or app built on
// several packages passes the same object everywhere.

/** How long to wait between polls: starts at `initialMs`, grows by `factor` up to `maxMs`. */
export interface PollInterval {
  /** First wait between two polls (default 1000 ms). */
  initialMs?: number;
  /** The wait grows up to this (default 10 000 ms). */
  maxMs?: number;
  /** Growth per poll (default 1.5). */
  factor?: number;
}

/** Per-call options: every package method takes these (body and params travel separately). */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per attempt: a fresh timer starts for every attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt. Only operations the spec marks repeatable are ever retried after an unknown outcome. */
  maxRetries?: number;
}

/**
 * Copies only the three CallOptions keys. An options object built elsewhere (a variable, so no
 * excess-property check) may carry `body`, `params` or a stale `retrySafe`; none of them may reach
 * the transport from here.
 */
export function pickCallOptions(o?: CallOptions): CallOptions {
  const out: CallOptions = {};
  if (o === undefined || o === null) return out;
  if (o.signal !== undefined) out.signal = o.signal;
  if (o.timeoutMs !== undefined) out.timeoutMs = o.timeoutMs;
  if (o.maxRetries !== undefined) out.maxRetries = o.maxRetries;
  return out;
}

/** Options of every wait (`waitFor`, `createAndWait`, `poll`). */
export interface WaitOptions<T> {
  signal?: AbortSignal;
  /** Overall deadline of the whole wait in ms (TimeoutError when it passes). Default: none. */
  deadlineMs?: number;
  /** Polling interval, defaulted field by field. */
  interval?: PollInterval;
  /** Called with every observed value, the final one included. */
  onProgress?: (value: T) => void;
  /** Options for each poll request (its `signal` is linked with the wait's). */
  request?: CallOptions;
}
