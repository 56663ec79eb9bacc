import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { creatomateTemplates } from '@reelkit/emulator/fixtures';
import { generateTemplateTypes } from '@reelkit/templates';
import { compileFiles } from './compile.js';

const here = dirname(fileURLToPath(import.meta.url));
const generated = generateTemplateTypes(creatomateTemplates);

const consumer = (body: string) => `
import { createCreatomateClient } from '@reelkit/core';
import { createRenders, type CreateRenderParams } from '@reelkit/renders';
import { StoryPromo, ProductCard } from './templates.js';
const renders = createRenders(createCreatomateClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1/v1' }));
export async function main(someId: string) {
${body}
}
`;

// One program for all cases (type-checking the packages' sources once is the slow part).
let errors: string[] = [];
const of = (file: string) => errors.filter((e) => e.startsWith(`${file}: `));
beforeAll(() => {
  errors = compileFiles(here, {
    'templates.ts': generated,
    'ok.ts': consumer(`
  await renders.create({ template_id: StoryPromo.id, modifications: { Headline: 'Sale', 'Logo.opacity': '50%', website: 'x.test' } });
  await renders.create({ template_id: ProductCard.id, modifications: { Price: '$5' }, output_format: 'png', metadata: 'm' });
  await renders.create({ template_id: someId, modifications: { anything: 1 } });
  await renders.create({ source: { width: 100, elements: [{ type: 'text', name: 'T', text: 'a', dynamic: true, locked: false, visible: true }] } });
  await renders.create({ tags: ['promo'], modifications: { Headline: 'x' } });
  await renders.createAndWait({ template_id: StoryPromo.id, modifications: { 'Call-To-Action': 'Go' } });
  for await (const r of renders.batch([{ template_id: StoryPromo.id, modifications: { Headline: 'a' } }])) void r.status;`),
    'typo.ts': consumer(`  await renders.create({ template_id: StoryPromo.id, modifications: { Headlin: 'Sale' } });`),
    // Batch items are checked per template when typed with the template's id.
    'batch-ok.ts': consumer(`
  const items = ['a', 'b'].map((h): CreateRenderParams<typeof StoryPromo.id> => ({ template_id: StoryPromo.id, modifications: { Headline: h } }));
  for await (const r of renders.batch(items)) void r.item.modifications?.Headline;`),
    'batch-typo.ts': consumer(`
  const items = ['a'].map((h): CreateRenderParams<typeof StoryPromo.id> => ({ template_id: StoryPromo.id, modifications: { Headline: h, Headlin: h } }));
  for await (const r of renders.batch(items)) void r;`),
    'selectors.ts': consumer(`
  await renders.create({ template_id: someId, tags: ['a'] });
  await renders.create({ source: { elements: [{ type: 'sticker' }] } });`),
  }).errors;
}, 60_000);

describe('renders.create with generated template types', () => {
  it('compiles correct keys for a registered template, open modifications otherwise, and each selector', () => {
    expect(of('ok.ts')).toEqual([]);
  });

  it('fails on a misspelt key for a registered template', () => {
    expect(of('typo.ts')).toHaveLength(1);
    expect(of('typo.ts')[0]).toContain("'Headlin' does not exist in type 'StoryPromoModifications'");
  });

  it('checks batch items typed with a template id: correct keys compile, a misspelt key fails', () => {
    expect(of('batch-ok.ts')).toEqual([]);
    expect(of('batch-typo.ts')).toHaveLength(1);
    expect(of('batch-typo.ts')[0]).toContain("'Headlin' does not exist in type 'StoryPromoModifications'");
  });

  it('fails when more than one of template_id, source, tags is given, and on an unknown element kind', () => {
    const [both, sticker] = of('selectors.ts');
    expect(both).toMatch(/selectors\.ts: No overload matches|not assignable/);
    expect(both).toMatch(/tags/);
    expect(sticker).toMatch(/"sticker"/);
    expect(of('selectors.ts')).toHaveLength(2);
  });
});
