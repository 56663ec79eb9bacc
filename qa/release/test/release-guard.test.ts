// `pnpm release` publishes only to a registry we own: it refuses, before building anything, when none
// is configured or the target is the public registry (where the @reelkit scope is someone else's).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, run, userEnv } from './helpers.js';

/** A user npmrc with no @reelkit mapping, whose default registry goes nowhere should anything slip. */
function bareNpmrc(extra = ''): string {
  const file = join(mkdtempSync(join(tmpdir(), 'reelkit-npmrc-')), 'npmrc');
  writeFileSync(file, `registry=http://127.0.0.1:9/\n${extra}`);
  return file;
}

const release = (env: NodeJS.ProcessEnv) => run('node', ['scripts/release.mjs'], { cwd: repoRoot, env: userEnv({ NPM_CONFIG_USERCONFIG: bareNpmrc(), ...env }) });

describe('pnpm release', () => {
  it('refuses when no internal registry is configured', async () => {
    const r = await release({});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to publish: no internal registry configured: set REELKIT_REGISTRY/);
    expect(r.stdout).not.toMatch(/release: @reelkit/);
  });

  it('refuses the public registry even when asked for it', async () => {
    const r = await release({ REELKIT_REGISTRY: 'https://registry.npmjs.org/' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/registry\.npmjs\.org\/ is the public registry, where the @reelkit scope belongs to someone else/);
  });

  it('refuses when REELKIT_REGISTRY and the @reelkit scope mapping disagree', async () => {
    const npmrc = bareNpmrc('@reelkit:registry=http://127.0.0.1:4873/\n');
    const r = await run('node', ['scripts/release.mjs'], { cwd: repoRoot, env: userEnv({ NPM_CONFIG_USERCONFIG: npmrc, REELKIT_REGISTRY: 'http://127.0.0.1:4874/' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/disagree/);
  });
});
