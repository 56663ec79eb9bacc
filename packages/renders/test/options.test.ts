import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, RequestValidationError, ReelkitError } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { isMaybeSubmitted } from '@reelkit/core';
import type { CreateOptions, CreateRenderParams, ListRendersQuery } from '../src/index.js';
import { setup, type Setup } from './helpers.js';

let s: Setup | undefined;
afterEach(() => s?.close());

/** The error a call rejects with (or fails the test when it resolves). */
const rejection = (p: Promise<unknown>) => p.then(() => expect.fail('expected a rejection'), (e: unknown) => e);

describe('options reach core only as signal, timeoutMs and maxRetries', () => {
  it('a paid create with retrySafe and body in a variable is sent once, with the validated body, through a dropped connection', async () => {
    s = await setup({ faults: [{ route: 'createRender', kind: 'drop', count: 1 }] });
    // Built elsewhere (no excess-property check on a variable): core would retry a retrySafe POST.
    const options = { retrySafe: true, maxRetries: 3, body: { template_id: T.productCard } } as CreateOptions;
    const error = await rejection(s.renders.create({ template_id: T.quoteSquare, metadata: 'one' }, options));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isMaybeSubmitted(error)).toBe(true);
    expect(s.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /renders']);
    const stored = s.stored();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ metadata: 'one' });
    expect((stored[0] as { template_id?: string }).template_id).toBe(T.quoteSquare);
  });

  it('get, list and delete ignore a stray params object in their options', async () => {
    s = await setup();
    const [render] = await s.renders.create({ template_id: T.quoteSquare });
    const stray = { params: { path: { id: '00000000-0000-4000-8000-000000000000' }, query: { limit: 1 } } } as object;
    expect((await s.renders.get(render!.id, stray)).id).toBe(render!.id);
    expect(s.requests.at(-1)).toBe(`GET /renders/${render!.id}`);
    await s.renders.list({ template_id: T.quoteSquare }, stray);
    expect(s.requests.at(-1)).toBe(`GET /renders?template_id=${T.quoteSquare}`);
  });
});

describe('malformed arguments are refused by name before any request', () => {
  const cases: [string, (s: Setup) => Promise<unknown>, string][] = [
    ['create(null)', (s) => s.renders.create(null as unknown as CreateRenderParams), 'body'],
    ['create(undefined)', (s) => s.renders.create(undefined as unknown as CreateRenderParams), 'body'],
    ['create("x")', (s) => s.renders.create('x' as unknown as CreateRenderParams), 'body'],
    ['create with render_scale 0', (s) => s.renders.create({ template_id: T.quoteSquare, render_scale: 0 }), 'body.render_scale'],
    ['create with an mp4 frame_rate of -5', (s) => s.renders.create({ template_id: T.quoteSquare, output_format: 'mp4', frame_rate: -5 }), 'body.frame_rate'],
    ['create with a javascript: webhook_url', (s) => s.renders.create({ template_id: T.quoteSquare, webhook_url: 'javascript:alert(1)' }), 'body.webhook_url'],
    ['create with tags: []', (s) => s.renders.create({ tags: [] }), 'body.tags'],
    ['create with a __proto__ modification path', (s) => s.renders.create({ template_id: T.quoteSquare, modifications: { 'Quote.__proto__.x': 1 } }), 'body.modifications.Quote.__proto__.x'],
    ['create with options 5', (s) => s.renders.create({ template_id: T.quoteSquare }, 5 as unknown as CreateOptions), 'options'],
    ['get(undefined)', (s) => s.renders.get(undefined as unknown as string), 'id'],
    ['delete(42)', (s) => s.renders.delete(42 as unknown as string), 'id'],
    ['list({ colour })', (s) => s.renders.list({ colour: 'red' } as ListRendersQuery), 'query.colour'],
    ['list("x")', (s) => s.renders.list('x' as ListRendersQuery), 'query'],
    ['waitFor(null)', (s) => s.renders.waitFor(null as unknown as string), 'ids'],
    ['waitFor([id, 3])', (s) => s.renders.waitFor(['a', 3] as unknown as string[]), 'ids.1'],
    ['batch(null)', (s) => Promise.resolve().then(() => s.renders.batch(null as unknown as CreateRenderParams[])), 'items'],
    ['batch concurrency 0', (s) => Promise.resolve().then(() => s.renders.batch([], { concurrency: 0 })), 'options.concurrency'],
    // The vendor's ranges, from @reelkit/core/rules/creatomate (the rule the emulator answers 400 by).
    ...([
      ['render_scale 0', { render_scale: 0 }, 'body.render_scale'],
      ['render_scale 1e9', { render_scale: 1e9 }, 'body.render_scale'],
      ['frame_rate -5', { frame_rate: -5 }, 'body.frame_rate'],
      ['gif frame_rate 24', { output_format: 'gif', frame_rate: 24 }, 'body.frame_rate'],
      ['max_width 0', { max_width: 0 }, 'body.max_width'],
      ['webhook_url javascript:', { webhook_url: 'javascript:alert(1)' }, 'body.webhook_url'],
      ['a __proto__ modification key', { modifications: { 'Quote.__proto__.text': 'x' } }, 'body.modifications.Quote.__proto__.text'],
      ['a 5 h duration', { modifications: { duration: 5 * 3600 } }, 'body.modifications.duration'],
    ] as const).map(([name, extra, path]): [string, (s: Setup) => Promise<unknown>, string] => [
      `create with ${name}`, (s) => s.renders.create({ template_id: T.quoteSquare, ...extra }), path,
    ]),
    ['create with tags []', (s) => s.renders.create({ tags: [] }), 'body.tags'],
  ];
  it.each(cases.map(([name, call, path]) => ({ name, call, path })))('$name → RequestValidationError naming $path', async ({ call, path }) => {
    s = await setup();
    const error = await rejection(call(s));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toContain(path);
    expect(s.requests).toEqual([]);
  });

  it('batch refuses malformed items and options when called, synchronously, before its code is loaded or a request is sent', async () => {
    s = await setup();
    const renders = s.renders;
    // Thrown by batch() itself, not by the generator's first next() (which loads the batch chunk).
    expect(() => renders.batch(null as unknown as CreateRenderParams[])).toThrow(RequestValidationError);
    expect(() => renders.batch([], { concurrency: 0 })).toThrow(/options\.concurrency/);
    expect(() => renders.batch([], { submitConcurrency: 1.5 })).toThrow(/options\.submitConcurrency/);
    expect(s.requests).toEqual([]);
  });

  it('an empty webhook secret is a RequestValidationError, not a bare TypeError', async () => {
    const { signWebhookUrl } = await import('../src/webhooks.js');
    const error = await rejection(signWebhookUrl('https://x.test/hook', '', 'k'));
    expect(error).toBeInstanceOf(ReelkitError);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(await rejection(signWebhookUrl('not a url', 's', 'k'))).toBeInstanceOf(RequestValidationError);
  });
});
