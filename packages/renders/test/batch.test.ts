import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, createCreatomateClient } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { createRenders, type BatchResult, type CreateRenderParams } from '../src/index.js';
import { setup, type Setup } from './helpers.js';

let s: Setup | undefined;
afterEach(() => s?.close());

const templates = [T.storyPromo, T.productCard, T.quoteSquare, T.digestGif];
const poll = { pollIntervalMs: 20 };
// Small outputs: the emulator really encodes every file, and full-size videos would dominate the run time.
const small = { max_width: 64, max_height: 64 };

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

describe('renders.batch', () => {
  it('finishes 200 renders inside the rate limit: no duplicates, no 429 surfaced', async () => {
    // The real limit (30 per 10 s) scaled down identically on both sides so the test stays fast.
    const limit = { requests: 30, windowMs: 300 };
    s = await setup({ clock: 'real', speed: 50, rateLimit: limit }, { rateLimit: limit });
    const items: CreateRenderParams[] = Array.from({ length: 200 }, (_, i) => ({
      template_id: templates[i % templates.length]!,
      modifications: { width: 100 + i },
      ...small,
    }));
    const results = await collect(s.renders.batch(items, { concurrency: 20, ...poll }));

    expect(results).toHaveLength(200);
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
    expect(results.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(s.statuses.filter((x) => x === 429)).toEqual([]);
    const stored = s.stored();
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((r) => r.metadata)).size).toBe(200);
    expect(s.requests.filter((r) => r.startsWith('POST'))).toHaveLength(200);
  }, 60_000);

  it('never submits an item twice under injected faults and accounts for every item', async () => {
    s = await setup({
      clock: 'real',
      speed: 50,
      faults: [
        // One of each for certain (the first two submissions), then 5% of each at random.
        { route: 'createRender', kind: 'drop', count: 1 },
        { route: 'createRender', kind: '500', count: 1 },
        { route: 'createRender', kind: '500', probability: 0.05 },
        { route: 'createRender', kind: 'drop', probability: 0.05 },
      ],
    });
    const items: CreateRenderParams[] = Array.from({ length: 120 }, (_, i) => ({ template_id: templates[i % templates.length]!, ...small }));
    const results = await collect(s.renders.batch(items, { concurrency: 15, submitConcurrency: 3, ...poll }));

    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
    const byStatus = (status: BatchResult['status']) => results.filter((r) => r.status === status);
    // Every item either finished or is reported unknown (a lost answer to its one submission).
    expect(byStatus('succeeded').length + byStatus('unknown').length).toBe(120);
    expect(byStatus('unknown').length).toBeGreaterThan(0);
    // Dropped-after-commit submissions were found by their tag instead of being resent.
    expect(results.some((r) => r.status === 'succeeded' && r.reconciled)).toBe(true);

    // No item was created twice: one stored render per tag, and only for items that report renders.
    const stored = s.stored();
    const tags = stored.map((r) => r.metadata);
    expect(new Set(tags).size).toBe(stored.length);
    const finished = results.filter((r) => r.status === 'succeeded');
    expect(new Set(tags)).toEqual(new Set(finished.map((r) => r.metadata)));
    expect(s.requests.filter((r) => r.startsWith('POST'))).toHaveLength(120);
    for (const r of byStatus('unknown')) {
      expect(r).toMatchObject({ searched: true });
      expect(tags).not.toContain(r.metadata);
    }
  }, 60_000);

  it('reports a refused submission as rejected and keeps going', async () => {
    s = await setup({ clock: 'real', speed: 50 });
    const items = [
      { template_id: T.quoteSquare },
      { template_id: '00000000-0000-4000-8000-000000000000' },
      { source: { elements: [] }, frame_rate: -1 } as CreateRenderParams,
      { template_id: T.productCard },
    ];
    const results = await collect(s.renders.batch(items, { concurrency: 2, ...poll }));
    const status = Object.fromEntries(results.map((r) => [r.index, r.status]));
    expect(status).toMatchObject({ 0: 'succeeded', 1: 'rejected', 3: 'succeeded' });
  });

  it('yields failed renders as results with their reason', async () => {
    s = await setup({ clock: 'real', speed: 50 });
    const results = await collect(s.renders.batch([{ template_id: T.alwaysFails }], poll));
    expect(results[0]).toMatchObject({ status: 'failed' });
    expect(results[0]!.status === 'failed' && results[0]!.error.reason).toMatch(/__fail__/);
  });

  it('with wait: false yields each item once submitted, and keeps an item’s own metadata', async () => {
    s = await setup();
    const results = await collect(s.renders.batch([{ template_id: T.quoteSquare, metadata: 'mine' }, { template_id: T.quoteSquare }], { wait: false }));
    expect(results.map((r) => r.status)).toEqual(['submitted', 'submitted']);
    const byIndex = results.sort((a, b) => a.index - b.index);
    expect(byIndex[0]!.metadata).toBe('mine');
    expect(byIndex[1]!.metadata).toMatch(/^reelkit-batch:[0-9a-f-]{36}:1$/);
    expect(s.stored().map((r) => r.metadata).sort()).toEqual([byIndex[0]!.metadata, byIndex[1]!.metadata].sort());
  });

  it('stops submitting when the consumer breaks out early', async () => {
    s = await setup();
    let pulled = 0;
    function* items() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield { template_id: T.quoteSquare };
      }
    }
    for await (const r of s.renders.batch(items(), { concurrency: 1, wait: false })) {
      expect(r.status).toBe('submitted');
      break;
    }
    expect(pulled).toBeLessThanOrEqual(2);
    expect(s.stored().length).toBeLessThanOrEqual(2);
  });
});

describe('renders.batch when answers are lost', () => {
  it('reports an item with its own metadata as unknown without searching, and never resends it', async () => {
    s = await setup({ faults: [{ route: 'createRender', kind: 'drop', count: 1 }] });
    const results = await collect(s.renders.batch([{ template_id: T.quoteSquare, metadata: 'order-9' }], { wait: false }));
    expect(results).toEqual([expect.objectContaining({ status: 'unknown', metadata: 'order-9', searched: false })]);
    // The emulator committed it before dropping the connection: exactly one, never a second POST.
    expect(s.stored().map((r) => r.metadata)).toEqual(['order-9']);
    expect(s.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('reports an untagged item whose submission failed with a 500 as unknown after searching for its tag', async () => {
    s = await setup({ faults: [{ route: 'createRender', kind: '500', count: 1 }] });
    const [result] = await collect(s.renders.batch([{ template_id: T.quoteSquare }], { wait: false }));
    expect(result).toMatchObject({ status: 'unknown', searched: true });
    expect(s.requests).toEqual(['POST /renders', `GET /renders?template_id=${T.quoteSquare}&limit=100`]);
  });

  it('reports items in flight as error when the signal fires', async () => {
    s = await setup();
    const controller = new AbortController();
    let checks = 0;
    const items = [{ template_id: T.quoteSquare }, { template_id: T.productCard }];
    // The manual clock never moves: the renders stay planned until the abort.
    const results = await collect(s.renders.batch(items, { signal: controller.signal, pollIntervalMs: 5, onProgress: () => ++checks >= 4 && controller.abort() }));
    expect(results.map((r) => r.status)).toEqual(['error', 'error']);
    expect(results.every((r) => r.status === 'error' && r.sent && r.renders.length === 1 && r.error instanceof AbortError)).toBe(true);
    expect(s.stored()).toHaveLength(2);
  });
});

describe('renders.batch when a submission is answered 2xx with an unreadable body', { timeout: 30_000 }, () => {
  // A proxy in front of the emulator that answers every POST /renders with `202 [{"id":"x"}]` (not
  // a Render: core cannot validate it), after forwarding it (the render exists) or not.
  async function proxy(target: string, forwardPosts: boolean) {
    let posts = 0;
    const server = createServer((req, res) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'connection', 'content-length'].includes(e[0])),
        );
        const forward = () => fetch(target + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
        if (req.method === 'POST' && req.url?.startsWith('/v1/renders')) {
          posts++;
          if (forwardPosts) await forward();
          res.writeHead(202, { 'content-type': 'application/json' }).end('[{"id":"x"}]');
          return;
        }
        const upstream = await forward();
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
      })().catch(() => res.writeHead(502).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
      posts: () => posts,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  async function run(forwardPosts: boolean, items: CreateRenderParams[]) {
    s = await setup({ clock: 'real', speed: 50 });
    const p = await proxy(new URL(s.emu.creatomateUrl).origin, forwardPosts);
    try {
      const renders = createRenders(createCreatomateClient({ apiKey: `test-${crypto.randomUUID()}`, baseUrl: p.url, rateLimit: false }));
      const results = await collect(renders.batch(items, poll));
      return { results, posts: p.posts() };
    } finally {
      await p.close();
    }
  }

  it('reports the item unknown after searching for its tag (nothing found), sends it once, never rejected', async () => {
    const { results, posts } = await run(false, [{ template_id: T.quoteSquare }]);
    expect(results).toEqual([expect.objectContaining({ status: 'unknown', searched: true })]);
    expect(posts).toBe(1);
  });

  it('finds the render it did create by its tag and carries on (reconciled), with one POST', async () => {
    const { results, posts } = await run(true, [{ template_id: T.quoteSquare, ...small }]);
    expect(results).toEqual([expect.objectContaining({ status: 'succeeded', reconciled: true })]);
    expect(posts).toBe(1);
    expect(s!.stored().map((r) => r.metadata)).toEqual([results[0]!.metadata]);
  });

  it('reports an item with its own metadata unknown without searching', async () => {
    const { results, posts } = await run(true, [{ template_id: T.quoteSquare, metadata: 'order-3' }]);
    expect(results).toEqual([expect.objectContaining({ status: 'unknown', searched: false, metadata: 'order-3' })]);
    expect(posts).toBe(1);
    expect(s!.stored().map((r) => r.metadata)).toEqual(['order-3']);
  });
});

describe('renders.batch with a signal', () => {
  it('leaves no abort listeners behind: 24 items one at a time emit no MaxListenersExceededWarning', async () => {
    s = await setup({ clock: 'real', speed: 50 });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const before = getEventListeners(controller.signal, 'abort').length;
      const items = Array.from({ length: 24 }, () => ({ template_id: T.quoteSquare, ...small }));
      const results = await collect(s.renders.batch(items, { concurrency: 1, signal: controller.signal, ...poll }));
      expect(results.map((r) => r.status)).toEqual(items.map(() => 'succeeded'));
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual([]);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(before);
    } finally {
      process.off('warning', onWarning);
    }
  }, 60_000);
});
