// The renders this server started, kept in memory so the page's history survives a reload. A
// render's status only moves forward: a late poll answer never overwrites a webhook's `succeeded`.
import { isTerminal } from '@reelkit/renders';
import type { HistoryEntry, Render } from '../shared/api.js';
import type { EventHub } from './events.js';

const ORDER: Record<string, number> = { planned: 0, waiting: 1, transcribing: 2, rendering: 3, succeeded: 4, failed: 4 };
/** A status the spec does not know yet (open enum) counts as in progress, after the known ones. */
const rank = (status: Render['status']) => ORDER[status] ?? 3.5;

export class RenderHistory {
  readonly #entries = new Map<string, HistoryEntry>();

  constructor(readonly events: EventHub) {}

  /**
   * Records what is known of the render started under `key`: a new entry, or a newer view of it
   * (ignored when not newer). A fast render's webhook can arrive before the create's own answer.
   */
  record(key: string, render: Render, updated_by: HistoryEntry['updated_by']): HistoryEntry {
    const entry = this.#entries.get(key);
    if (!entry) {
      const created: HistoryEntry = { key, render, updated_by, created_at: new Date().toISOString() };
      this.#entries.set(key, created);
      this.events.publish({ type: 'render', entry: created });
      return created;
    }
    const stale = isTerminal(entry.render) || render.status === entry.render.status || rank(render.status) < rank(entry.render.status);
    if (stale) return entry;
    const next = { ...entry, render, updated_by };
    this.#entries.set(key, next);
    this.events.publish({ type: 'render', entry: next });
    return next;
  }

  get(key: string): HistoryEntry | undefined {
    return this.#entries.get(key);
  }

  /** Newest first. */
  list(): HistoryEntry[] {
    return [...this.#entries.values()].reverse();
  }
}
