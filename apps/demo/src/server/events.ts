// Fan-out of demo events to every open SSE stream (`GET /api/events`).
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { DemoEvent } from '../shared/api.js';

export type Listener = (event: DemoEvent) => void;

/** Keeps idle SSE connections from being cut by proxies. */
const KEEPALIVE_MS = 15_000;

export class EventHub {
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: DemoEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

/**
 * Streams every event published from now on, in order, until the client leaves or the server
 * closes. Starts with a `hello` so a client knows it is subscribed before it acts.
 */
export function streamEvents(c: Context, hub: EventHub, closing: AbortSignal): Response {
  return streamSSE(c, async (stream) => {
    const queue: DemoEvent[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = hub.subscribe((event) => {
      queue.push(event);
      wake?.();
    });
    const stop = () => wake?.();
    closing.addEventListener('abort', stop);
    stream.onAbort(stop);
    try {
      await stream.writeSSE({ event: 'hello', data: '{}' });
      while (!stream.aborted && !closing.aborted) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, KEEPALIVE_MS).unref();
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
    } finally {
      unsubscribe();
      closing.removeEventListener('abort', stop);
    }
  });
}
