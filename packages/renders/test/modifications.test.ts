import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore, RequestValidationError, type RateLimitStore } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { InvalidModificationsError } from '../src/index.js';
import { setup, type Setup } from './helpers.js';

let s: Setup | undefined;
afterEach(() => s?.close());

describe('modification checking (on by default)', () => {
  it('refuses a misspelt key with no options: InvalidModificationsError, a RequestValidationError naming the key, zero renders', async () => {
    s = await setup();
    const error = await s.renders.create({ template_id: T.quoteSquare, modifications: { Qoute: 'Ship it' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidModificationsError);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual(['body.modifications.Qoute']);
    expect(s.requests).toEqual([`GET /templates/${T.quoteSquare}`]);
    expect(s.stored()).toEqual([]);
  });

  it('is checked for createAndWait and every batch item too', async () => {
    s = await setup();
    await expect(s.renders.createAndWait({ template_id: T.quoteSquare, modifications: { Qoute: 'x' } })).rejects.toBeInstanceOf(InvalidModificationsError);
    const { results, summary } = await s.renders.runBatch([{ template_id: T.quoteSquare, modifications: { Qoute: 'x' } }], { wait: false });
    expect(results[0]).toMatchObject({ status: 'rejected', error: expect.any(InvalidModificationsError) as unknown });
    expect(summary).toMatchObject({ rejected: 1, total: 1 });
    expect(s.stored()).toEqual([]);
  });

  it('fetches no template for a create without modifications (nothing can be misspelt)', async () => {
    s = await setup();
    await s.renders.create({ template_id: T.quoteSquare });
    await s.renders.create({ template_id: T.quoteSquare, modifications: {} });
    expect(s.requests).toEqual(['POST /renders', 'POST /renders']);
  });

  it('checkModifications: false sends the request unchecked', async () => {
    s = await setup();
    await s.renders.create({ template_id: T.quoteSquare, modifications: { Qoute: 'x' } }, { checkModifications: false });
    expect(s.requests).toEqual(['POST /renders']);
    expect(s.stored()).toHaveLength(1);
  });

  it('sees an edited template once the cached copy is older than templateCacheMs', async () => {
    let now = 0;
    let element = 'Title';
    const template = (request: Request) =>
      request.method === 'GET' && new URL(request.url).pathname === `/v1/templates/${T.quoteSquare}`
        ? Response.json({ id: T.quoteSquare, name: 'Editable', tags: [], source: { elements: [{ type: 'text', name: element, text: 'a' }] } })
        : undefined;
    s = await setup({}, { intercept: template, renders: { templateCacheMs: 60_000, now: () => now } });
    await s.renders.create({ template_id: T.quoteSquare, modifications: { Title: 'x' } }, { checkModifications: true });
    element = 'Heading'; // edited in the Creatomate editor
    now = 59_999; // still the cached copy: the old key passes, the new one is refused
    await s.renders.create({ template_id: T.quoteSquare, modifications: { Title: 'x' } });
    await expect(s.renders.create({ template_id: T.quoteSquare, modifications: { Heading: 'x' } })).rejects.toBeInstanceOf(InvalidModificationsError);
    now = 60_000; // expired: fetched again, the edit is seen
    await s.renders.create({ template_id: T.quoteSquare, modifications: { Heading: 'x' } });
    await expect(s.renders.create({ template_id: T.quoteSquare, modifications: { Title: 'x' } })).rejects.toBeInstanceOf(InvalidModificationsError);
    expect(s.requests.filter((r) => r.startsWith('GET /templates'))).toHaveLength(2);
  });

  it('fetches templates through the same client, so its requests take rate-limiter slots', async () => {
    // A store that counts the slots taken: one per request the client sends.
    const store = new MemoryRateLimitStore();
    let slots = 0;
    const counting: RateLimitStore = {
      tryAcquire: (key, limit, now) => {
        const acquired = store.tryAcquire(key, limit, now);
        if (acquired.lease !== undefined) slots++;
        return acquired;
      },
      release: (key, lease, expiresAt) => store.release(key, lease, expiresAt),
    };
    s = await setup({}, { rateLimit: { requests: 100, windowMs: 1000, store: counting } });
    await s.renders.create({ template_id: T.quoteSquare, modifications: { Quote: 'x' } });
    expect(s.requests).toEqual([`GET /templates/${T.quoteSquare}`, 'POST /renders']);
    expect(slots).toBe(2);
  });
});
