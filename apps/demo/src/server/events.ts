// Fan-out of demo events to every open SSE stream.
import type { DemoEvent } from '../shared/api.js';

export type Listener = (event: DemoEvent) => void;

export class EventHub {
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: DemoEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  get size(): number {
    return this.#listeners.size;
  }
}
