import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreatomateClient, NotFoundError, RequestValidationError } from '@reelkit/core';
import { startEmulator, type Emulator } from '@reelkit/emulator';
import { CREATOMATE_TEMPLATE_IDS as T, creatomateTemplates } from '@reelkit/emulator/fixtures';
import { createTemplates, inspectTemplate, validateModifications, type Templates } from '../src/index.js';

let emu: Emulator;
let templates: Templates;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, clock: 'manual', rateLimit: false });
  templates = createTemplates(createCreatomateClient({ apiKey: 'templates-test', baseUrl: emu.creatomateUrl, rateLimit: false }));
});
afterAll(() => emu.close());

describe('templates client against the emulator', () => {
  it('lists every template without sources', async () => {
    const list = await templates.list();
    expect(list.map((t) => t.id).sort()).toEqual(creatomateTemplates.map((t) => t.id).sort());
    expect(list.every((t) => t.source === undefined || t.source === null)).toBe(true);
  });

  it('filters by tags (any of them) and limits', async () => {
    expect((await templates.list({ tags: ['newsletter', 'ecommerce'] })).map((t) => t.name).sort()).toEqual(['Product Card', 'Weekly Digest GIF']);
    expect((await templates.list({ tags: 'test' })).map((t) => t.id)).toEqual([T.alwaysFails]);
    expect(await templates.list({ limit: 2 })).toHaveLength(2);
  });

  it('gets one template with its source, ready to inspect and validate against', async () => {
    const t = await templates.get(T.productCard);
    expect(t).toMatchObject({ id: T.productCard, name: 'Product Card', tags: ['ecommerce'], width: 1200, height: 628 });
    expect(inspectTemplate(t.source!).elements.map((el) => el.name)).toContain('Badge-Text');
    expect(validateModifications(t.source!, { 'Badge-Txt': 'SALE' })).toEqual([expect.objectContaining({ suggestion: 'Badge-Text' })]);
  });

  it('throws NotFoundError for an unknown id', async () => {
    await expect(templates.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses malformed list params and ids by field, before any request', async () => {
    let sent = 0;
    const counted = createTemplates(
      createCreatomateClient({ apiKey: 'templates-test', baseUrl: emu.creatomateUrl, rateLimit: false, fetch: (url, init) => (sent++, fetch(url, init)) }),
    );
    const bad: unknown[] = [null, 5, { tags: 5 }, { tags: ['a', 3] }];
    for (const params of bad) {
      const err = await counted.list(params as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RequestValidationError);
      expect((err as RequestValidationError).issues[0]!.path).toBe(params !== null && typeof params === 'object' ? 'tags' : 'params');
    }
    await expect(counted.get(null as never)).rejects.toBeInstanceOf(RequestValidationError);
    expect(sent).toBe(0);
  });

  it('sends only the call options: a stray params or body in them changes nothing', async () => {
    const options = { params: { query: { tags: 'test' } }, body: { x: 1 } } as object;
    expect((await templates.list({ tags: 'ecommerce' }, options)).map((t) => t.name)).toEqual(['Product Card']);
  });
});
