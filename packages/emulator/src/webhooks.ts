// Webhook delivery: POST the payload with a timeout, retry on failure, record every attempt.
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
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.#stop.signal.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, this.#retryDelayMs * (attempt - 1));
          this.#stop.signal.addEventListener('abort', done, { once: true });
        });
        if (this.#closed) return;
      }
      const started = Date.now();
      const record: WebhookAttempt = {
        deliveryId, attempt, vendor, resourceId, event, url, payload,
        startedAt: new Date(started).toISOString(), durationMs: 0, responseStatus: null, ok: false, error: null,
      };
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'reelkit-emulator' },
          body,
          // eslint-disable-next-line no-restricted-properties -- TODO(emulator): use linkSignals from @reelkit/core (AbortSignal.any leaks on Node 20, issue 10 §8)
          signal: AbortSignal.any([AbortSignal.timeout(this.#timeoutMs), this.#stop.signal]),
          redirect: 'manual',
        });
        await res.arrayBuffer().catch(() => undefined);
        record.responseStatus = res.status;
        record.ok = res.status >= 200 && res.status < 300;
        if (!record.ok) record.error = `HTTP ${res.status}`;
      } catch (err) {
        const e = err as Error;
        record.error = e.name === 'TimeoutError' ? `timed out after ${this.#timeoutMs} ms` : `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}`;
      }
      record.durationMs = Date.now() - started;
      this.#attempts.push(record);
      if (record.ok) return;
    }
  }
}
