import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, TimeoutError } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { RenderFailedError, type Render, type RenderStatus } from '../src/index.js';
import { setup, type Setup } from './helpers.js';

let s: Setup;
beforeEach(async () => {
  s = await setup();
});
afterEach(() => s.close());

const fast = { initialMs: 1, maxMs: 5, factor: 1 };

/** The manual clock moves only here: one second per observation, so each phase is seen at least once. */
const stepper = (seen: RenderStatus[]) => (r: Render) => {
  if (seen.at(-1) !== r.status) seen.push(r.status);
  s.emu.clock.advance(1000);
};

describe('waitFor', () => {
  it('follows a render through planned, waiting, transcribing, rendering to succeeded', async () => {
    const [render] = await s.renders.create({
      source: {
        output_format: 'mp4',
        width: 320,
        height: 240,
        duration: 2,
        elements: [
          { type: 'image', name: 'Ai-Image', provider: 'stability-ai', source: 'https://x.test/prompt' },
          { type: 'text', name: 'Subs', transcript_source: 'Voice' },
          { type: 'audio', name: 'Voice', source: 'https://x.test/voice.mp3' },
        ],
      },
    });
    const seen: RenderStatus[] = [];
    const done = await s.renders.waitFor(render!.id, { onProgress: stepper(seen), interval: fast });
    expect(seen).toEqual(['planned', 'waiting', 'transcribing', 'rendering', 'succeeded']);
    expect(done).toMatchObject({ id: render!.id, status: 'succeeded', width: 320, height: 240 });
    expect(done.file_size).toBeGreaterThan(0);
  });

  it('rejects with RenderFailedError carrying the vendor reason when the render fails', async () => {
    const [render] = await s.renders.create({ template_id: T.alwaysFails });
    const error = await s.renders.waitFor(render!.id, { onProgress: stepper([]), interval: fast }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderFailedError);
    const failed = error as RenderFailedError;
    expect(failed.render.status).toBe('failed');
    expect(failed.reason).toMatch(/__fail__/);
    expect(failed.message).toContain(failed.reason);
  });

  it('returns a failed render with throwOnFailure: false', async () => {
    const [render] = await s.renders.create({ template_id: T.alwaysFails });
    const done = await s.renders.waitFor(render!.id, { onProgress: stepper([]), interval: fast, throwOnFailure: false });
    expect(done.status).toBe('failed');
    expect(done.error_message).toMatch(/__fail__/);
  });

  it('waits for several renders and returns them in the order asked', async () => {
    const created = await s.renders.create({ tags: ['promo'] });
    const [ok] = await s.renders.create({ template_id: T.quoteSquare });
    const ids = [ok!.id, ...created.map((r) => r.id)];
    const done = await s.renders.waitFor(ids, { onProgress: () => s.emu.clock.advance(500), interval: fast });
    expect(done.map((r) => r.id)).toEqual(ids);
    expect(done.every((r) => r.status === 'succeeded')).toBe(true);
  });

  it('rejects for several renders when one fails, listing all of them', async () => {
    const [bad] = await s.renders.create({ template_id: T.alwaysFails });
    const [good] = await s.renders.create({ template_id: T.quoteSquare });
    const error = await s.renders.waitFor([good!.id, bad!.id], { onProgress: () => s.emu.clock.advance(500), interval: fast }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderFailedError);
    expect((error as RenderFailedError).render.id).toBe(bad!.id);
    expect((error as RenderFailedError).renders.map((r) => r.status)).toEqual(['succeeded', 'failed']);
  });

  it('createAndWait returns finished renders', async () => {
    const done = await s.renders.createAndWait({ template_id: T.productCard, modifications: { Price: '$9' } }, { onProgress: stepper([]), interval: fast });
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ status: 'succeeded', width: 1200, height: 628 });
  });

  it('stops with TimeoutError after deadlineMs when the render never finishes', async () => {
    const [render] = await s.renders.create({ template_id: T.quoteSquare });
    // The manual clock never moves, so the render stays planned.
    await expect(s.renders.waitFor(render!.id, { deadlineMs: 50, interval: fast })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('stops with AbortError when the signal fires', async () => {
    const [render] = await s.renders.create({ template_id: T.quoteSquare });
    const controller = new AbortController();
    let polls = 0;
    const waiting = s.renders.waitFor(render!.id, { signal: controller.signal, interval: fast, onProgress: () => ++polls === 3 && controller.abort() });
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });
});

describe('waitFor several renders', () => {
  it('checks them with one request per round: the list while several are pending', async () => {
    const created = await s.renders.create({ tags: ['promo'] });
    const [third] = await s.renders.create({ template_id: T.quoteSquare });
    const ids = [...created.map((r) => r.id), third!.id];
    await s.renders.waitFor(ids, { onProgress: () => s.emu.clock.advance(300), interval: fast });
    const checks = s.requests.filter((r) => r.startsWith('GET /renders'));
    // A list request per round while two or more are pending; a GET by id once one is left.
    expect(checks.filter((r) => r === 'GET /renders?limit=100').length).toBeGreaterThan(1);
    const byId = checks.filter((r) => r.startsWith('GET /renders/'));
    expect(new Set(byId).size).toBeLessThanOrEqual(1);
    expect(checks.indexOf(byId[0]!)).toBeGreaterThan(checks.lastIndexOf('GET /renders?limit=100'));
  });

  it('tries the list again once the fallback has lasted 10 minutes (one 404 is not forever)', async () => {
    let now = 0;
    const local = await setup({}, {
      renders: { now: () => now },
      intercept: (req) =>
        new URL(req.url).pathname === '/v1/renders' && req.method === 'GET' && now < 600_000
          ? Response.json({ hint: 'Not found.' }, { status: 404 })
          : undefined,
    });
    try {
      const [a] = await local.renders.create({ template_id: T.quoteSquare });
      const [b] = await local.renders.create({ template_id: T.productCard });
      const lists = () => local.requests.filter((r) => r.startsWith('GET /renders?')).length;
      const wait = () => local.renders.waitFor([a!.id, b!.id], { onProgress: () => local.emu.clock.advance(300), interval: fast });
      await wait();
      expect(lists()).toBe(1);
      now = 599_999;
      await wait();
      expect(lists()).toBe(1); // still fetched by id
      now = 600_000;
      await wait();
      expect(lists()).toBe(2); // asked again, and it answers now
    } finally {
      await local.close();
    }
  });

  it('falls back to one GET per render, for a while, when the list endpoint does not exist', async () => {
    const local = await setup({}, {
      intercept: (req) =>
        new URL(req.url).pathname === '/v1/renders' && req.method === 'GET'
          ? Response.json({ hint: 'Not found.' }, { status: 404 })
          : undefined,
    });
    try {
      const [a] = await local.renders.create({ template_id: T.quoteSquare });
      const [b] = await local.renders.create({ template_id: T.productCard });
      const done = await local.renders.waitFor([a!.id, b!.id], { onProgress: () => local.emu.clock.advance(300), interval: fast });
      expect(done.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
      expect(local.requests.filter((r) => r.startsWith('GET /renders?'))).toEqual(['GET /renders?limit=100']);
      expect(local.requests.filter((r) => r.startsWith(`GET /renders/${a!.id}`)).length).toBeGreaterThan(1);
    } finally {
      await local.close();
    }
  });
});
