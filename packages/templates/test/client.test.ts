import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreatomateClient, NotFoundError } from '@reelkit/core';
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
});
