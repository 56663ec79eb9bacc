// `pnpm release:dry` shows what `changeset version` would do, and changes nothing in the checkout.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo, ok, removeCopy, run, userEnv } from './helpers.js';

let copy: string;

beforeAll(async () => {
  copy = await copyOfRepo({ prefix: 'reelkit-dry-', linkNodeModules: true });
  writeFileSync(join(copy, '.changeset/dry-run-probe.md'), '---\n"@reelkit/renders": minor\n---\n\nThe dry-run probe: a change users can see.\n');
});
afterAll(() => removeCopy(copy));

describe('pnpm release:dry', { timeout: 60_000 }, () => {
  it('prints every fixed-group version change and the CHANGELOG entry, and leaves the checkout as it was', async () => {
    const before = readFileSync(join(copy, 'packages/renders/package.json'), 'utf8');
    const { version } = JSON.parse(before) as { version: string };
    const r = ok(await run('node', ['scripts/release-dry.mjs'], { cwd: copy, env: userEnv() }), 'release:dry');
    expect(r.stdout).toMatch(new RegExp(`@reelkit/renders: ${version.replaceAll('.', '\\.')} → \\d+\\.\\d+\\.\\d+`));
    expect(r.stdout).toMatch(/@reelkit\/core: \S+ → \S+/); // the fixed group moves together
    expect(r.stdout).toMatch(/packages\/renders\/CHANGELOG\.md\n# @reelkit\/renders\n\n## \S+\n\n### Minor Changes\n\n- [0-9a-f]+: The dry-run probe/);
    expect(readFileSync(join(copy, 'packages/renders/package.json'), 'utf8')).toBe(before);
    expect(ok(await run('git', ['status', '--porcelain'], { cwd: copy }), 'git status').stdout).toBe('?? .changeset/dry-run-probe.md\n?? node_modules\n');
  });
});
