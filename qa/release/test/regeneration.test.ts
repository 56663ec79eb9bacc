// A spec change flows through `pnpm spec:update` and regeneration to the consumers: in a copy of the repo, renaming a
// response field the CLI and the demo read (Render.url) makes exactly the places that read it fail to
// typecheck, and spec:diff calls it breaking; a new optional field breaks nothing and is non-breaking.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo, ok, removeCopy, renameProperty, repoRoot, run, specVariant, userEnv, type Run } from './helpers.js';

const SPEC = 'specs/creatomate.openapi.yml';
const APPS = ['apps/cli', 'apps/demo'];

let copy: string;
const env = () => userEnv({ CI: 'true', TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' });
const pnpm = async (args: string[], cwd = copy) => run('pnpm', args, { cwd, env: env(), timeoutMs: 300_000 });

interface TypeError {
  file: string;
  line: number;
  code: string;
  text: string;
}

/** tsc's `file(line,col): error TSnnnn: …` lines, with the file relative to the repo copy. */
function typeErrors(dir: string, r: Run): TypeError[] {
  return [...(r.stdout + r.stderr).matchAll(/^(\S+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: join(dir, m[1]!),
    line: Number(m[2]),
    code: m[3]!,
    text: m[4]!,
  }));
}

const sourceLine = (e: TypeError) => readFileSync(join(copy, e.file), 'utf8').split('\n')[e.line - 1] ?? '';

/**
 * `pnpm spec:update creatomate <edited copy of the original spec>` in the copy, starting from the
 * original spec and no draft changeset; returns the draft changeset it wrote.
 */
async function specBecomes(edit: Parameters<typeof specVariant>[1]): Promise<string> {
  ok(await run('git', ['checkout', '--', SPEC], { cwd: copy }), 'restore the spec');
  for (const f of readdirSync(join(copy, '.changeset'))) if (f.startsWith('spec-')) rmSync(join(copy, '.changeset', f));
  ok(await pnpm(['spec:update', 'creatomate', specVariant(join(repoRoot, SPEC), edit)]), 'spec:update');
  const drafts = readdirSync(join(copy, '.changeset')).filter((f) => f.startsWith('spec-creatomate-'));
  expect(drafts).toHaveLength(1);
  return readFileSync(join(copy, '.changeset', drafts[0]!), 'utf8');
}

async function specDiff(): Promise<{ breaking: boolean; impact: string }> {
  return JSON.parse(ok(await run('node', ['scripts/spec-diff.mjs', '--json'], { cwd: copy, env: env() }), 'spec:diff').stdout) as { breaking: boolean; impact: string };
}

beforeAll(async () => {
  copy = await copyOfRepo({ prefix: 'reelkit-regen-' });
  ok(await pnpm(['install', '--frozen-lockfile', '--prefer-offline']), 'pnpm install in the copy');
}, 300_000);

afterAll(() => removeCopy(copy), 120_000);

describe('regeneration after a spec change', { timeout: 600_000 }, () => {
  it('renaming Render.url fails the CLI and the demo typecheck exactly where they read it, and spec:diff calls it breaking', async () => {
    const draft = await specBecomes((d) => renameProperty(d, 'Render', 'url', 'output_url'));
    expect(await specDiff()).toMatchObject({ breaking: true, impact: 'major' });
    expect(draft).toMatch(/^---\n"@reelkit\/core": minor\n[\s\S]*"@reelkit\/cli": minor\n---\n/);
    expect(draft).toMatch(/\*\*Breaking\*\*[\s\S]*\| major \| response \| Property `url` of `Render` was removed\./);
    for (const dir of APPS) {
      const result = await pnpm(['--filter', `./${dir}`, 'run', 'typecheck']);
      expect(result.code, `${dir} typecheck should fail`).not.toBe(0);
      // The errors the rename causes: in the app's own code, naming the field that is gone.
      const own = typeErrors(dir, result).filter((e) => e.file.startsWith(`${dir}/src/`) && /'url'/.test(e.text));
      expect(own.length, `${dir}: errors about 'url' in its own sources`).toBeGreaterThan(0);
      // Each one is at a line that reads the renamed field.
      for (const e of own) expect(`${e.file}:${e.line} ${e.code} ${sourceLine(e).trim()}`).toMatch(/\.url\b/);
      console.log(`${dir}: ${own.map((e) => `${e.file}:${e.line} ${e.code}`).join(', ')}`);
    }
  });

  it('a new optional response field (Render.thumbnail_url) typechecks everywhere and spec:diff calls it non-breaking', async () => {
    const draft = await specBecomes((d) => d.setIn(['components', 'schemas', 'Render', 'properties', 'thumbnail_url'], { type: 'string', nullable: true }));
    expect(await specDiff()).toMatchObject({ breaking: false, impact: 'minor' });
    expect(draft).toMatch(/"@reelkit\/core": patch/);
    expect(draft).toMatch(/Not breaking[\s\S]*\| minor \| response \| property `thumbnail_url` added/);
    // The apps' typecheck covers every package source they import; core's covers its generated types.
    for (const dir of ['packages/core', ...APPS]) {
      const result = await pnpm(['--filter', `./${dir}`, 'run', 'typecheck']);
      expect(typeErrors(dir, result), dir).toEqual([]);
      expect(result.code, dir).toBe(0);
    }
  });
});
