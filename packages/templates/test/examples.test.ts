// The README's examples are the files in examples/, run here against a real-clock emulator.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '@reelkit/emulator';
import { creatomateTemplates } from '@reelkit/emulator/fixtures';
import { main as codegen } from '../examples/codegen.js';
import { main as inspectAndValidate } from '../examples/inspect-and-validate.js';
import { compileFiles } from './compile.js';

const here = dirname(fileURLToPath(import.meta.url));

let emu: Emulator;
const env = { ...process.env };
beforeAll(async () => {
  emu = await startEmulator({ port: 0, clock: 'real', speed: 100 });
  process.env.CREATOMATE_API_KEY = 'example-key';
  process.env.REELKIT_CREATOMATE_URL = emu.creatomateUrl;
  process.env.REELKIT_LOG = 'off';
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(async () => {
  process.env = env;
  vi.restoreAllMocks();
  await emu.close();
});

describe('examples', () => {
  it('inspect-and-validate finds what its comments say, and both problems with a did-you-mean', async () => {
    const { social, info, problems } = await inspectAndValidate();
    expect(social.map((t) => t.name).sort()).toEqual(['Quote Square', 'Story Promo']);
    expect(social.every((t) => t.tags?.includes('social') === true && (t.source ?? undefined) === undefined)).toBe(true);

    expect(info.properties).toEqual({ output_format: 'mp4', width: 1080, height: 1920, frame_rate: 30, duration: 12 });
    expect(info.elements.map((el) => el.name)).toEqual([
      'Background-Video', 'Headline', 'Subtitles', 'Logo', 'Music', 'Outro', 'Outro-Backdrop', 'Call-To-Action', 'Outro-Logo',
    ]);
    expect(info.elements[1]).toMatchObject({
      name: 'Headline', type: 'text', dynamic: true, mainProperty: 'text', value: '{{headline}}', placeholders: ['headline'], path: [],
    });
    expect(info.elements[7]).toMatchObject({ name: 'Call-To-Action', path: ['Outro'] });
    expect(info.placeholders).toEqual([
      { name: 'headline', elements: ['Headline'] },
      { name: 'website', elements: ['Call-To-Action'] },
    ]);

    expect(problems).toEqual([
      {
        key: 'Headlin',
        code: 'unknown_key',
        suggestion: 'Headline',
        message: "'Headlin' matches no element name or id, placeholder or top-level property; did you mean 'Headline'?",
      },
      {
        key: 'Logo',
        code: 'invalid_value',
        message: "'Logo' sets the source of 'Logo', which expects a URL (http, https or data), got the string \"logo.png\"",
      },
    ]);
  });

  it('codegen writes a module that types every template and rejects a misspelt key', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(here, '.tmp-'));
    try {
      const file = join(dir, 'creatomate-templates.ts');
      await codegen(file);
      const generated = readFileSync(file, 'utf8');
      for (const t of creatomateTemplates) expect(generated).toContain(`id: ${JSON.stringify(t.id)}, name: ${JSON.stringify(t.name)} }`);
      expect(generated).toContain('export type StoryPromoModifications = {');

      const consumer = (modifications: string) => `
import type { ModificationsFor } from '@reelkit/templates';
import { StoryPromo } from './creatomate-templates.js';
export const m: ModificationsFor<typeof StoryPromo.id> = ${modifications};
`;
      const { errors } = compileFiles(here, {
        'creatomate-templates.ts': generated,
        'ok.ts': consumer(`{ Headline: 'Sale' }`),
        'typo.ts': consumer(`{ Headlin: 'Sale' }`),
      });
      expect(errors.filter((e) => e.startsWith('ok.ts: '))).toEqual([]);
      expect(errors.filter((e) => e.startsWith('typo.ts: '))).toEqual([
        expect.stringContaining("'Headlin' does not exist in type 'StoryPromoModifications'"),
      ]);
      expect(errors).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['inspect-and-validate.ts', 'codegen.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
