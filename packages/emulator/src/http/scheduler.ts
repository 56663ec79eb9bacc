// Keeping the event loop responsive under load. In one poll phase Node reads every socket that has data
// and used to run each request's whole handler (auth, zod, engine, JSON) before coming back for the
// next: behind 2,000 requests in flight, a health check waited over a second. Now a request that arrives
// is only queued, and the queue is worked off in small batches, one batch per event-loop turn, so the
// loop polls the sockets again between two batches. The batch grows while a turn stays under TURN_MS and
// halves when one runs over: under a flood that costs some throughput (bench/RESULTS.md), for an event
// loop that stays responsive. Health checks skip the queue. Order is kept: first come, first handled.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Requests answered at once, ahead of the queue: they read no state. */
const PRIORITY_PATHS = new Set(['/__emulator/health']);
/** The time a turn (a batch with its promise chains, then a poll) should stay under. */
const TURN_MS = 2;
const MAX_BATCH = 64;

export interface Scheduler {
  listener: Listener;
  /** Requests waiting for their turn. */
  readonly queued: number;
}

export function scheduled(handle: Listener): Scheduler {
  const queue: [IncomingMessage, ServerResponse][] = [];
  let draining = false;
  let batch = 1;
  let turnStarted = 0;

  const next = () => {
    // The time since the last batch started covers its handlers' promise chains and a poll.
    const now = performance.now();
    if (turnStarted !== 0) batch = now - turnStarted > TURN_MS ? Math.max(1, batch >> 1) : Math.min(MAX_BATCH, batch + 1);
    if (queue.length === 0) {
      draining = false;
      turnStarted = 0;
      return;
    }
    turnStarted = now;
    // Queued from inside this setImmediate, the next batch runs on the next loop turn, after a poll.
    setImmediate(next);
    for (const item of queue.splice(0, batch)) void handle(...item);
  };
  const listener: Listener = (req, res) => {
    if (req.method === 'GET' && PRIORITY_PATHS.has(pathOf(req.url))) return handle(req, res);
    queue.push([req, res]);
    if (!draining) {
      draining = true;
      setImmediate(next);
    }
    return undefined;
  };
  return {
    listener,
    get queued() {
      return queue.length;
    },
  };
}

function pathOf(url: string | undefined): string {
  const q = url?.indexOf('?') ?? -1;
  return url === undefined ? '' : q < 0 ? url : url.slice(0, q);
}
