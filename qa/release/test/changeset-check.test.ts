// `pnpm changeset:check` (in .ci/run): a changed package needs a changeset, and a spec change needs
// the bump spec:diff computes — measured against the last release tag, or the first commit before any.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyOfRepo, ok, removeCopy, renameProperty, run, specVariant, userEnv } from './helpers.js';

let copy: string;

const git = async (...args: string[]) => ok(await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd: copy }), `git ${args[0]}`);
/** Commits the copy's changes (CI checks commits; changesets sees only tracked files) and runs the check. */
async function check() {
  await git('add', '-A');
  await git('commit', '-qm', 'change', '--allow-empty');
  return run('node', ['scripts/check-changesets.mjs'], { cwd: copy, env: userEnv() });
}

function changeset(name: string, bump: 'patch' | 'minor' | 'major', text = 'A change.') {
  writeFileSync(join(copy, '.changeset', `${name}.md`), `---\n"@reelkit/core": ${bump}\n---\n\n${text}\n`);
}

/** Simulates a past release: no pending changesets, and the tag `pnpm release` writes. */
async function released() {
  for (const f of ['first-release.md']) rmSync(join(copy, '.changeset', f), { force: true });
  await git('add', '-A');
  await git('commit', '-qm', 'release', '--allow-empty');
  await git('tag', '@reelkit/core@0.1.0');
}

function editSpec(edit: Parameters<typeof specVariant>[1]) {
  const file = join(copy, 'specs/creatomate.openapi.yml');
  writeFileSync(file, readFileSync(specVariant(file, edit), 'utf8'));
}

beforeEach(async () => {
  // changeset, redocly and cli-table3 from this checkout: the check needs no install.
  copy = await copyOfRepo({ prefix: 'reelkit-check-', linkNodeModules: true });
});
afterEach(() => removeCopy(copy));

describe('changeset:check', { timeout: 60_000 }, () => {
  it('before any release compares with the first commit, and passes with the first-release changeset', async () => {
    const r = await check();
    expect(r.stdout).toMatch(/against no release yet: first commit [0-9a-f]+/);
    expect(r.code).toBe(0);
    rmSync(join(copy, '.changeset/first-release.md'));
    writeFileSync(join(copy, 'packages/core/src/added.ts'), 'export const added = 1;\n');
    expect((await check()).code).toBe(1);
  });

  it('fails when a package changed since the last release without a changeset', async () => {
    await released();
    writeFileSync(join(copy, 'packages/renders/src/added.ts'), 'export const added = 1;\n');
    await git('add', '-A');
    const r = await check();
    expect(r.stdout).toContain('against last release @reelkit/core@0.1.0');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a package changed since the last release without a changeset/);
    changeset('added', 'patch');
    expect((await check()).code).toBe(0);
  });

  it('fails a breaking spec change that has only a patch changeset, and passes it with a minor below 1.0', async () => {
    await released();
    editSpec((d) => renameProperty(d, 'Render', 'url', 'output_url'));
    const none = await check();
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/@reelkit\/core needs a minor changeset for this spec change; it has none/);
    changeset('spec', 'patch');
    const patch = await check();
    expect(patch.code).toBe(1);
    expect(patch.stderr).toMatch(/@reelkit\/core needs a minor changeset for this spec change; it has patch/);
    changeset('spec', 'minor');
    const minor = await check();
    expect(minor.stdout).toMatch(/BREAKING for our consumers/);
    expect(minor.code).toBe(0);
  });

  it('passes a non-breaking spec change (a new optional response field) with a patch changeset', async () => {
    await released();
    editSpec((d) => d.setIn(['components', 'schemas', 'Render', 'properties', 'thumbnail_url'], { type: 'string', nullable: true }));
    expect((await check()).code).toBe(1); // a spec change still needs a changeset
    changeset('spec', 'patch');
    const r = await check();
    expect(r.stdout).toMatch(/not breaking for our consumers \(impact: minor\)/);
    expect(r.code).toBe(0);
  });
});
