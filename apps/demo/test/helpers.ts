// Shared by the demo's tests: the demo started as `pnpm demo` starts it (embedded emulator), a
// known key to look for, and a reader of the server's SSE stream.
import { existsSync } from 'node:fs';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { DemoEvent } from '../src/shared/api.js';
import { SERVICE_ENV, startDemo, type RunningDemo, type StartDemoOptions } from '../src/server/start.js';

/** The key the demo server is given: no response, asset or request from the page may contain it. */
export const KEY = 'demo-key-0123456789-never-leaves-the-server';

export const WEB_ROOT = new URL('../dist/web/', import.meta.url).pathname;
if (!existsSync(`${WEB_ROOT}index.html`)) {
  // turbo's `test` depends on `build`; run directly, the page may not be built yet.
  throw new Error('The page is not built: run `pnpm turbo run build --filter=@reelkit/demo` (or `pnpm --filter @reelkit/demo build`) first.');
}

export interface Started extends RunningDemo {
  logs: string[];
  /** Every response body the test read through `call`. */
  bodies: string[];
  call<T = unknown>(path: string, body?: unknown): Promise<{ status: number; json: T }>;
}

export async function start(options: Pick<StartDemoOptions, 'poll'> = {}): Promise<Started> {
  for (const name of SERVICE_ENV) delete process.env[name];
  process.env.REELKIT_LOG = 'off';
  const logs: string[] = [];
  const bodies: string[] = [];
  const demo = await startDemo({
    port: 0,
    emulatorApiKey: KEY,
    // Real clock, 100× faster: a still image takes ~25 ms, a 12 s video ~50 ms.
    emulator: { clock: 'real', speed: 100 },
    webRoot: WEB_ROOT,
    log: (line) => logs.push(line),
    ...options,
  });
  const call = async <T>(path: string, body?: unknown) => {
    const res = await fetch(demo.url + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, json: JSON.parse(text) as T };
  };
  return Object.assign(demo, { logs, bodies, call });
}

export interface EventStream {
  /** Every event so far. */
  events: DemoEvent[];
  /** Resolves once `predicate` holds for the events so far (rejects after `timeoutMs`). */
  until(predicate: (events: DemoEvent[]) => boolean, timeoutMs?: number): Promise<DemoEvent[]>;
  close(): void;
}

/** Opens `GET /api/events` and resolves once the server has subscribed it (its `hello`). */
export async function openEvents(url: string): Promise<EventStream> {
  const controller = new AbortController();
  const events: DemoEvent[] = [];
  const waiters = new Set<() => void>();
  const res = await fetch(`${url}/api/events`, { signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  const first = await reader.read();
  if (first.value?.event !== 'hello') throw new Error('the event stream did not start with hello');
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      events.push(JSON.parse(value.data) as DemoEvent);
      for (const wake of waiters) wake();
    }
  })();
  return {
    events,
    until: (predicate, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          cleanup();
          resolve([...events]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.type).join(', ')}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => controller.abort(),
  };
}
