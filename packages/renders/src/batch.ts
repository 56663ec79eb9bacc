// Batches: submit many renders inside the rate limit, yield each result as it finishes, and never
// submit an item twice.
//
// Never twice: core never retries a POST that may have reached the server, so a submission whose
// outcome is unknown (connection dropped after sending, timeout, 5xx, a 2xx whose body could not be
// read or validated) surfaces here. It is then
// reported as `unknown`, never resubmitted. The only evidence accepted that it was created is
// finding it: each untagged item is sent with a unique `metadata` key, looked for in `GET /renders`.
//
// Inside the limit, with low latency: core's limiter lets a window's worth of requests through at
// once and then frees slots in the same bursts, so a status check queued behind submissions can wait
// a whole window. The batch therefore spreads submissions evenly over the window, leaving one slot
// per check interval free, and checks all renders in flight together with one list request per
// `pollIntervalMs` (see `observe`) instead of one GET per render.
import { AbortError, ReelkitError, TimeoutError, type RateLimitWindow } from '@reelkit/core';
import { RenderFailedError } from './errors.js';
import type { CreateOptions, RendersCore } from './renders.js';
import type { CreateRenderParams, Render } from './types.js';
import { isTerminal } from './types.js';

export interface BatchOptions {
  /** Items in flight at once (submitted, not yet finished). Default 50. */
  concurrency?: number;
  /** Submissions (POSTs) outstanding at once. Default 1: enough to use the whole rate limit. */
  submitConcurrency?: number;
  /** Time between status checks of the renders in flight. Default 2000 ms. */
  pollIntervalMs?: number;
  /**
   * The rate limit to pace submissions for. Default: the core client's (`false` when it has
   * none). Submissions are spread evenly over the window, leaving room for the status checks, so
   * that a check never waits behind a burst of submissions for a slot.
   */
  rateLimit?: RateLimitWindow | false;
  /** An item whose renders are not finished this long after submission is reported as `error` (TimeoutError). */
  itemTimeoutMs?: number;
  /** Called with every status observed. */
  onProgress?: (render: Render) => void;
  /** Stops submitting and waiting; items in flight are reported as `error`. */
  signal?: AbortSignal;
  /** Default true: wait for each item's renders to finish. false: yield as soon as submitted. */
  wait?: boolean;
  /** `validate: true` checks every item's modifications first (see `renders.create`). */
  validate?: CreateOptions['validate'];
  /**
   * Default true: an item without `metadata` (and without `tags`) is sent with a unique
   * `reelkit-batch:<batch id>:<index>` so that an unknown submission can be looked for. Items
   * that set `metadata` are sent unchanged, and are not looked for.
   */
  tagMetadata?: boolean;
}

interface ResultBase<T> {
  /** Position of the item in the input. */
  index: number;
  item: T;
  /** The metadata sent with the item (the batch's tag, or the item's own). */
  metadata: string | undefined;
}

export type BatchResult<T = CreateRenderParams> =
  /** Every render of the item succeeded. `reconciled`: the answer to the submission was lost and the render was found by its tag. */
  | (ResultBase<T> & { status: 'succeeded'; renders: Render[]; reconciled: boolean })
  /** At least one render of the item failed; `error.error_message` says why. */
  | (ResultBase<T> & { status: 'failed'; renders: Render[]; error: RenderFailedError; reconciled: boolean })
  /** With `wait: false`: submitted, not waited for. */
  | (ResultBase<T> & { status: 'submitted'; renders: Render[]; reconciled: boolean })
  /**
   * Nothing was created: the API refused the submission (4xx), or it was never sent (invalid, or
   * `validate` problems). Only for errors core does not mark `maybeSubmitted`. Fix and resend.
   */
  | (ResultBase<T> & { status: 'rejected'; error: unknown })
  /**
   * The submission may or may not have created renders, and none was found (`searched`: it was
   * looked for by its tag). Not resubmitted, not guessed: look for `metadata` later with
   * `renders.list`, or wait for its webhook, before sending it again.
   */
  | (ResultBase<T> & { status: 'unknown'; error: unknown; searched: boolean })
  /** Submitted (`renders` as last seen), but waiting stopped: abort, timeout, or repeated polling errors. */
  | (ResultBase<T> & { status: 'error'; renders: Render[]; error: unknown; reconciled: boolean });

/** True for a core error that says a POST may have reached the server (its outcome is unknown). */
export const maybeSubmitted = (error: unknown): boolean =>
  error instanceof ReelkitError && (error as ReelkitError & { maybeSubmitted?: boolean }).maybeSubmitted === true;

/** Pulls items one at a time, whether the input is sync or async. */
function puller<T>(items: Iterable<T> | AsyncIterable<T>): () => Promise<IteratorResult<T>> {
  if (Symbol.asyncIterator in items) {
    const it = items[Symbol.asyncIterator]();
    let chain: Promise<unknown> = Promise.resolve();
    return () => {
      const next = chain.then(() => it.next());
      chain = next.catch(() => undefined);
      return next;
    };
  }
  const it = items[Symbol.iterator]();
  return () => Promise.resolve(it.next());
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `wait()` returns a promise that settles at the next `signal()`; any number of waiters. */
function trigger() {
  let waiters: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((r) => waiters.push(r)),
    signal: () => {
      const woken = waiters;
      waiters = [];
      for (const w of woken) w();
    },
  };
}

// Consecutive failed status checks (each already retried by core) after which items in flight are given up.
const MAX_SWEEP_FAILURES = 5;

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

export function createBatch(renders: RendersCore, clientLimit: RateLimitWindow | false) {
  async function find(params: CreateRenderParams, metadata: string, signal: AbortSignal): Promise<Render[]> {
    // The 100 most recent renders (of the template, when there is one): an item answered moments
    // ago is among them unless far more renders were created meanwhile.
    const query = params.template_id !== undefined ? { template_id: params.template_id, limit: 100 } : { limit: 100 };
    const recent = await renders.list(query, { signal });
    return recent.filter((r) => r.metadata === metadata);
  }

  return async function* batch<T extends CreateRenderParams>(
    items: Iterable<T> | AsyncIterable<T>,
    options: BatchOptions = {},
  ): AsyncGenerator<BatchResult<T>, void, undefined> {
    const concurrency = options.concurrency ?? 50;
    const submitters = options.submitConcurrency ?? 1;
    const interval = options.pollIntervalMs ?? 2000;
    for (const [name, n] of [['concurrency', concurrency], ['submitConcurrency', submitters]] as const) {
      if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`batch ${name} must be an integer >= 1`);
    }
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const batchId = crypto.randomUUID();
    const spacing = submitSpacingMs(options.rateLimit ?? clientLimit, interval);
    let nextSubmitAt = 0;
    // Reserves the next submission time (shared by the submitters) and waits for it.
    const paced = async () => {
      const at = Math.max(Date.now(), nextSubmitAt);
      nextSubmitAt = at + spacing;
      if (at > Date.now()) await sleep(at - Date.now(), signal);
    };
    const pull = puller(items);
    let nextIndex = 0;

    const results: BatchResult<T>[] = [];
    const resultReady = trigger();
    const push = (r: BatchResult<T>) => {
      results.push(r);
      resultReady.signal();
    };

    interface InFlight {
      base: ResultBase<T>;
      renders: Map<string, Render>;
      reconciled: boolean;
      since: number;
    }
    const inFlight = new Set<InFlight>();
    const spaceFreed = trigger();
    const workArrived = trigger();
    let submitting = true;

    async function submit(item: T, index: number): Promise<void> {
      const tag = options.tagMetadata !== false && item.metadata === undefined && item.tags === undefined;
      const metadata = tag ? `reelkit-batch:${batchId}:${index}` : item.metadata;
      const params: CreateRenderParams = tag ? { ...item, metadata } : item;
      const base = { index, item, metadata };
      let created: Render[];
      let reconciled = false;
      try {
        created = await renders.create(params, { validate: options.validate, signal });
      } catch (error) {
        // Aborted while the POST was out: it may have reached the server like any lost answer.
        const unknown = maybeSubmitted(error) || (signal.aborted && error instanceof AbortError);
        if (!unknown) return push({ ...base, status: 'rejected', error });
        if (signal.aborted) return push({ ...base, status: 'unknown', error, searched: false });
        // Only a tag set here is unique evidence; a tags item creates several renders.
        if (!tag) return push({ ...base, status: 'unknown', error, searched: false });
        let found: Render[] = [];
        try {
          found = await find(params, metadata!, signal);
        } catch {
          // The search failed too: still unknown.
        }
        if (found.length !== 1) return push({ ...base, status: 'unknown', error, searched: true });
        created = found;
        reconciled = true;
      }
      if (options.wait === false) return push({ ...base, status: 'submitted', renders: created, reconciled });
      inFlight.add({ base, renders: new Map(created.map((r) => [r.id, r])), reconciled, since: Date.now() });
      workArrived.signal();
    }

    let inputError: unknown;
    async function submitter(): Promise<void> {
      while (!signal.aborted) {
        while (options.wait !== false && inFlight.size >= concurrency && !signal.aborted) await spaceFreed.wait();
        if (signal.aborted) return;
        const index = nextIndex++;
        let next: IteratorResult<T>;
        try {
          next = await pull();
        } catch (error) {
          inputError ??= error;
          return;
        }
        if (next.done) return;
        try {
          await paced();
        } catch {
          // Aborted before this item was sent: it is not reported, like every item not yet pulled.
          return;
        }
        await submit(next.value, index);
      }
    }

    const finish = (entry: InFlight, result: BatchResult<T>) => {
      inFlight.delete(entry);
      push(result);
      spaceFreed.signal();
    };
    const giveUp = (entry: InFlight, error: unknown) =>
      finish(entry, { ...entry.base, status: 'error', renders: [...entry.renders.values()], error, reconciled: entry.reconciled });

    async function sweeper(): Promise<void> {
      let failures = 0;
      // Checks start every `interval` (fixed rate, not interval-after-finish): time a check spends
      // waiting for a rate-limit slot does not push every later check back.
      let lastStart = Date.now();
      while (submitting || inFlight.size > 0) {
        if (inFlight.size === 0) {
          const arrived = workArrived.wait();
          // Re-check after arming: a submission may have landed in between.
          if (inFlight.size === 0 && submitting) await untilAborted(arrived, signal);
          if (signal.aborted) break;
          // Work (again): its first check is one interval away, a render is never done at once.
          lastStart = Date.now();
          continue;
        }
        try {
          await sleep(Math.max(0, lastStart + interval - Date.now()), signal);
        } catch {
          break;
        }
        lastStart = Date.now();
        const entries = [...inFlight];
        const ids = entries.flatMap((e) => [...e.renders.values()].filter((r) => !isTerminal(r)).map((r) => r.id));
        try {
          const observed = await renders.observe(ids, signal);
          failures = 0;
          for (const r of observed) options.onProgress?.(r);
          const byId = new Map(observed.map((r) => [r.id, r]));
          for (const entry of entries) {
            for (const id of entry.renders.keys()) {
              const r = byId.get(id);
              if (r) entry.renders.set(id, r);
            }
            const all = [...entry.renders.values()];
            if (all.every(isTerminal)) {
              const failed = all.find((r) => r.status === 'failed');
              finish(entry, failed
                ? { ...entry.base, status: 'failed', renders: all, error: new RenderFailedError(failed, all), reconciled: entry.reconciled }
                : { ...entry.base, status: 'succeeded', renders: all, reconciled: entry.reconciled });
            } else if (options.itemTimeoutMs !== undefined && Date.now() - entry.since > options.itemTimeoutMs) {
              giveUp(entry, new TimeoutError(`Renders of batch item ${entry.base.index} did not finish within ${options.itemTimeoutMs} ms.`));
            }
          }
        } catch (error) {
          if (signal.aborted) break;
          if (++failures >= MAX_SWEEP_FAILURES) {
            for (const entry of entries) giveUp(entry, error);
            failures = 0;
          }
        }
      }
      // Left only when stopped: the renders keep going at Creatomate, the batch stops watching them.
      for (const entry of [...inFlight]) giveUp(entry, new AbortError('The batch was stopped before these renders finished.', { cause: signal.reason }));
    }

    let finished = false;
    const submittersDone = Promise.all(Array.from({ length: submitters }, submitter)).finally(() => {
      submitting = false;
      workArrived.signal();
    });
    const all = Promise.all([submittersDone, sweeper()]).finally(() => {
      finished = true;
      resultReady.signal();
    });
    try {
      for (;;) {
        const r = results.shift();
        if (r) {
          yield r;
          continue;
        }
        if (finished) break;
        await resultReady.wait();
      }
      await all;
      // The input iterable's own error, as it threw it.
      if (inputError !== undefined) throw inputError instanceof Error ? inputError : new ReelkitError('The batch input failed.', { cause: inputError });
    } finally {
      // Also when the consumer stops early (break/return/throw): stop submitting and waiting.
      stop.abort();
      spaceFreed.signal();
    }
  };
}

/**
 * Waits for `promise` or the signal's abort, whichever comes first, and removes its abort listener
 * either way: the sweeper idles once per gap between items, and a listener left behind each time
 * piles up on the signal (MaxListenersExceededWarning after ten).
 */
async function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let onAbort!: () => void;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
