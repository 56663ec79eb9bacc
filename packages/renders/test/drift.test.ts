// A server that answers with a status this SDK does not know (and a field the spec does not have):
// the status is not final, so waits go on to their deadline instead of returning or failing.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCreatomateClient, TimeoutError } from '@reelkit/core';
import { createRenders } from '../src/index.js';

const TEMPLATE = randomUUID();
const render = (id: string, status: string) => ({
  id,
  status,
  url: status === 'succeeded' ? `http://127.0.0.1/${id}.mp4` : null,
  template_id: TEMPLATE,
  metadata: null,
  colour: 'red', // not in the spec
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A Creatomate-shaped server whose renders answer `queued` for `queuedPolls` GETs, then `succeeded` (never, when undefined). */
async function driftingServer(queuedPolls: number | undefined) {
  const polls = new Map<string, number>();
  let posts = 0;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    req.resume();
    if (req.method === 'POST' && url.pathname === '/v1/renders') {
      posts++;
      const id = randomUUID();
      polls.set(id, 0);
      return json([render(id, 'queued')], 202);
    }
    const status = (id: string) => {
      const n = (polls.get(id) ?? 0) + 1;
      polls.set(id, n);
      return queuedPolls !== undefined && n > queuedPolls ? 'succeeded' : 'queued';
    };
    if (req.method === 'GET' && url.pathname === '/v1/renders') return json([...polls.keys()].map((id) => render(id, status(id))));
    const match = /^\/v1\/renders\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && match) return json(render(match[1]!, status(match[1]!)));
    json({ hint: 'no such route' }, 404);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  // Core's default: requests strict, responses tolerant (drift is logged, not fatal).
  const renders = createRenders(createCreatomateClient({ apiKey: `k-${randomUUID()}`, baseUrl, rateLimit: false, logLevel: 'off' }));
  return { renders, posts: () => posts };
}

const fast = { initialMs: 5, maxMs: 5 };

describe('a status this SDK does not know is not final', () => {
  it('waitFor keeps polling through `queued` and returns the render once it succeeds', async () => {
    const { renders } = await driftingServer(3);
    const [created] = await renders.create({ template_id: TEMPLATE }, { checkModifications: false });
    const seen: string[] = [];
    const done = await renders.waitFor(created!.id, { interval: fast, onProgress: (r) => seen.push(r.status) });
    expect(done.status).toBe('succeeded');
    expect(seen).toEqual(['queued', 'queued', 'queued', 'succeeded']);
  });

  it('waitFor goes on to its deadline while the status stays unknown', async () => {
    const { renders } = await driftingServer(undefined);
    const [created] = await renders.create({ template_id: TEMPLATE }, { checkModifications: false });
    let polls = 0;
    await expect(renders.waitFor(created!.id, { interval: fast, deadlineMs: 300, onProgress: () => polls++ })).rejects.toBeInstanceOf(TimeoutError);
    expect(polls).toBeGreaterThan(1);
  });

  it('batch waits through `queued` and reports every item succeeded, each POSTed once', async () => {
    const { renders, posts } = await driftingServer(2);
    const items = Array.from({ length: 3 }, () => ({ template_id: TEMPLATE }));
    const { results, summary } = await renders.runBatch(items, { pollIntervalMs: 5, checkModifications: false });
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(summary).toMatchObject({ succeeded: 3, total: 3 });
    expect(posts()).toBe(3);
  });
});
