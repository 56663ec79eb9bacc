// Waiting for renders: polls through core's `poll` until every render is `succeeded` or `failed`.
// Any other status, one this SDK does not know included, is not final: the wait goes on to its deadline.
import { linkSignals, poll, pickCallOptions, type PollInterval, type WaitOptions } from '@reelkit/core';
import { RenderFailedError } from './errors.js';
import type { Observe } from './observe.js';
import { isTerminal, type Render } from './types.js';

export interface RenderWaitOptions extends WaitOptions<Render> {
  /** Default true: a `failed` render rejects with `RenderFailedError`. false: it is returned like any other. */
  throwOnFailure?: boolean;
}

/** Default poll schedule of `waitFor`: 1 s, growing ×1.5 to at most 5 s. */
export const DEFAULT_WAIT_INTERVAL: Required<PollInterval> = { initialMs: 1000, maxMs: 5000, factor: 1.5 };

/** Field by field, so an explicit `undefined` keeps the default. */
export function mergeInterval(base: PollInterval, over: PollInterval | undefined): Required<PollInterval> {
  return {
    initialMs: over?.initialMs ?? base.initialMs ?? DEFAULT_WAIT_INTERVAL.initialMs,
    maxMs: over?.maxMs ?? base.maxMs ?? DEFAULT_WAIT_INTERVAL.maxMs,
    factor: over?.factor ?? base.factor ?? DEFAULT_WAIT_INTERVAL.factor,
  };
}

export function waiter(observe: Observe, defaultInterval: PollInterval) {
  return async function waitForMany(ids: readonly string[], options: RenderWaitOptions): Promise<Render[]> {
    const latest = new Map<string, Render>();
    const pending = () => ids.filter((id) => !latest.has(id) || !isTerminal(latest.get(id)!));
    // A signal in `request` is honoured too: nothing the caller passed is dropped.
    const linked = linkSignals(options.signal, options.request?.signal);
    try {
      await poll({
      // `signal` carries the caller's abort and the overall deadline into each request.
      get: async (signal) => {
        for (const render of await observe(pending(), { ...pickCallOptions(options.request), signal })) {
          latest.set(render.id, render);
          // Every observation, not only changes: callers count polls and drive test clocks with it.
          options.onProgress?.(render);
        }
        return latest;
      },
      isTerminal: () => pending().length === 0,
      signal: linked.signal,
      deadlineMs: options.deadlineMs,
      interval: mergeInterval(defaultInterval, options.interval),
    });
    } finally {
      linked.dispose();
    }
    const renders = ids.map((id) => latest.get(id)!);
    const failed = renders.find((r) => r.status === 'failed');
    if (failed && options.throwOnFailure !== false) throw new RenderFailedError(failed, renders);
    return renders;
  };
}
