import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS, creatomateTemplates } from '@reelkit/emulator/fixtures';
import { generateTemplateTypes } from '../src/index.js';
import { compileFiles } from './compile.js';

const here = dirname(fileURLToPath(import.meta.url));
const generated = generateTemplateTypes(creatomateTemplates);

const consumer = (body: string) => `
import { StoryPromo, ProductCard, WeeklyDigestGIF, templates, type StoryPromoModifications, type ProductCardModifications } from './templates.js';
import type { ModificationsFor } from '@reelkit/templates';
${body}
export {};
`;

// One program for all cases (type-checking the package sources once is the slow part).
let errors: string[] = [];
const of = (file: string) => errors.filter((e) => e.startsWith(`${file}: `));
beforeAll(() => {
  errors = compileFiles(here, {
    'templates.ts': generated,
    'ok.ts': consumer(`
const a: StoryPromoModifications = {
  Headline: 'Summer sale', 'Headline.fill_color': '#ff0000', 'Background-Video': 'https://x.test/v.mp4',
  'Call-To-Action': 'Go', website: 'example.com', 'Outro.opacity': '50%', width: 720,
  '0f1e2d3c-4b5a-4697-8877-665544332211.volume': [{ time: 0, value: '0%' }, { time: 1, value: '100%' }],
};
const b: ModificationsFor<typeof ProductCard.id> = { 'Badge-Text': 'SALE', price: '$19' };
const c: ModificationsFor<typeof templates.WeeklyDigestGIF.id> = { 'Issue-Number': 12, topic: 'TS' };
const open: ModificationsFor<string> = { anything: 1 };
const p: ProductCardModifications = b;
// Usable wherever plain modifications are expected.
const plain: Record<string, unknown> = a;
void [a, c, open, p, plain, StoryPromo.name, WeeklyDigestGIF.id];
`),
    'typo.ts': consumer(`const a: StoryPromoModifications = { Headlin: 'Summer sale' };
void a;`),
    'other.ts': consumer(`
const a: ModificationsFor<typeof ProductCard.id> = { Headline: 'not in Product Card' };
const b: StoryPromoModifications = { 'Headline.visible': 'yes' };
void [a, b];`),
  }).errors;
}, 60_000);

describe('generateTemplateTypes', { timeout: 30_000 }, () => {
  it('emits one const, one Modifications type and one registry entry per template', () => {
    for (const t of creatomateTemplates) expect(generated).toContain(JSON.stringify(t.id));
    expect(generated).toContain('export const StoryPromo = { id: "6c1f3a52-8e0b-4d7a-9a41-2f6b0c9e7d11", name: "Story Promo" } as const;');
    expect(generated).toContain('export type AlwaysFailsModifications = {');
    expect(generated).toContain('  "Headline"?: string | number | null;');
    expect(generated).toContain('  "Logo"?: string | null;');
    expect(generated).toContain('  "Call-To-Action.text.website"?: string | number | null;');
    expect(generated).toMatch(/declare module "@reelkit\/templates" \{\n {2}interface TemplateRegistry \{/);
  });

  it('compiles a consumer that uses correct keys, nested elements, placeholders and the registry', () => {
    expect(of('ok.ts')).toEqual([]);
  });

  it('fails to compile a misspelt key', () => {
    expect(of('typo.ts')).toHaveLength(1);
    expect(of('typo.ts')[0]).toMatch(/'Headlin' does not exist in type 'StoryPromoModifications'/);
  });

  it('fails to compile a key of another template and a value of the wrong type', () => {
    const errors = of('other.ts');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain("'Headline' does not exist");
    expect(errors[1]).toMatch(/Type 'string' is not assignable to type 'boolean \| null/);
  });

  it('names templates uniquely and as valid identifiers', () => {
    const base = creatomateTemplates.find((t) => t.id === CREATOMATE_TEMPLATE_IDS.quoteSquare)!;
    const out = generateTemplateTypes([
      { ...base, name: '9:16 promo!' },
      { ...base, id: 'b4d7e2b3-5c6f-4a19-8e0d-3b2c1f9a6e33', name: '9/16 Promo' },
    ]);
    expect(out).toContain('export const T916Promo = ');
    expect(out).toContain('export const T916Promo2 = ');
  });

  it('refuses templates without a source (from the list endpoint)', () => {
    expect(() => generateTemplateTypes([{ id: CREATOMATE_TEMPLATE_IDS.storyPromo, name: 'x' }])).toThrow(/templates\.get/);
  });
});
