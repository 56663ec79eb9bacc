// Webhook delivery: POST the payload with a timeout, retry on failure, record every attempt.
import { linkSignals, sleep } from '@reelkit/core';
import type { Vendor } from './errors.js';

export interface WebhookOptions {
  /** Per-attempt timeout in real milliseconds (default 5000). */
  timeoutMs?: number;
  /** Extra attempts after a failed one (non-2xx, timeout, connection error); default 2. */
  retries?: number;
  /** Real milliseconds before retry n (n × this); default 1000. */
  retryDelayMs?: number;
}

export interface WebhookAttempt {
  /** Identifies the delivery (one event); its attempts share it. */
  deliveryId: number;
  attempt: number;
  vendor: Vendor;
  /** Render or job id. */
  resourceId: string;
  /** The status the payload carries. */
  event: string;
  url: string;
  payload: unknown;
  /** Real wall-clock time the attempt started (ISO 8601). */
  startedAt: string;
  durationMs: number;
  /** HTTP status of the receiver's answer, or null when there was none. */
  responseStatus: number | null;
  ok: boolean;
  error: string | null;
}

export class Webhooks {
  readonly #attempts: WebhookAttempt[] = [];
  readonly #inflight = new Set<Promise<void>>();
  readonly #chains = new Map<string, Promise<void>>();
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  #nextId = 1;
  #closed = false;
  readonly #stop = new AbortController();

  constructor(options: WebhookOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** Every attempt so far, oldest first. */
  deliveries(): WebhookAttempt[] {
    return this.#attempts.map((a) => ({ ...a }));
  }

  clear(): void {
    this.#attempts.length = 0;
  }

  /** Resolves when no delivery is in flight (retries included). */
  async idle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight]);
  }

  /** Stops new deliveries and cancels the ones in flight (and their retry waits), so close() leaves no timers behind. */
  close(): void {
    this.#closed = true;
    this.#stop.abort();
  }

  send(vendor: Vendor, resourceId: string, event: string, url: string, payload: unknown): void {
    if (this.#closed) return;
    const deliveryId = this.#nextId++;
    // One resource's deliveries go out in order (in_queue before running before done).
    const previous = this.#chains.get(resourceId) ?? Promise.resolve();
    const run = previous.then(() => this.#deliver(deliveryId, vendor, resourceId, event, url, payload));
    this.#chains.set(resourceId, run);
    this.#inflight.add(run);
    void run.finally(() => {
      this.#inflight.delete(run);
      if (this.#chains.get(resourceId) === run) this.#chains.delete(resourceId);
    });
  }

  async #deliver(deliveryId: number, vendor: Vendor, resourceId: string, event: string, url: string, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    for (let attempt = 1; attempt <= this.#retries + 1 && !this.#closed; attempt++) {
      if (attempt > 1) {
        await this.#pause(this.#retryDelayMs * (attempt - 1));
        if (this.#closed) return;
      }
      const record = await this.#attempt({ deliveryId, attempt, vendor, resourceId, event, url, payload }, body);
      this.#attempts.push(record);
      if (record.ok) return;
    }
  }

  /** Waits before a retry; close() cuts the wait short. */
  async #pause(ms: number): Promise<void> {
    await sleep(ms, this.#stop.signal).catch(() => undefined);
  }

  /** One POST of `body`, bounded by the timeout and by close(), recorded whatever happens. */
  async #attempt(
    what: Pick<WebhookAttempt, 'deliveryId' | 'attempt' | 'vendor' | 'resourceId' | 'event' | 'url' | 'payload'>,
    body: string,
  ): Promise<WebhookAttempt> {
    const started = Date.now();
    const record: WebhookAttempt = {
      ...what, startedAt: new Date(started).toISOString(), durationMs: 0, responseStatus: null, ok: false, error: null,
    };
    // linkSignals, not AbortSignal.any: the stop signal lives as long as the emulator, and on Node 20
    // AbortSignal.any keeps a reference on it per delivery.
    const linked = linkSignals(AbortSignal.timeout(this.#timeoutMs), this.#stop.signal);
    try {
      const res = await fetch(what.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'reelkit-emulator' },
        body,
        signal: linked.signal,
        redirect: 'manual',
      });
      await res.arrayBuffer().catch(() => undefined);
      record.responseStatus = res.status;
      record.ok = res.status >= 200 && res.status < 300;
      if (!record.ok) record.error = `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error;
      record.error = e.name === 'TimeoutError' ? `timed out after ${this.#timeoutMs} ms` : `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}`;
    } finally {
      linked.dispose();
    }
    record.durationMs = Date.now() - started;
    return record;
  }
}
