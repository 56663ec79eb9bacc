// The release as a user meets it: `changeset version` + `pnpm release` from a copy of this repo into
// a real Verdaccio, then a fresh project outside the workspace installs the packages with plain npm
// (only the @reelkit scope mapped to that registry), runs a script, typechecks, and runs the bin.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo, ok, removeCopy, repoRoot, run, userEnv } from './helpers.js';
import { startRegistry, type Registry } from './registry.js';

const PACKAGES = ['@reelkit/core', '@reelkit/renders', '@reelkit/creatify', '@reelkit/emulator', '@reelkit/cli'];

let registry: Registry;
let copy: string;
let consumer: string;
let version: string;
let releaseOutput: string;

/** Runs one step of the flow and records how long it took (printed once: what the test costs). */
const took: string[] = [];
async function step<T>(name: string, f: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await f();
  took.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

beforeAll(async () => {
  registry = await step('verdaccio up', startRegistry);
  copy = await copyOfRepo({ prefix: 'reelkit-publish-', withDist: true }); // dist: tsc -b skips unchanged work
  const env = userEnv({ CI: 'true', NPM_CONFIG_USERCONFIG: registry.npmrc, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' });
  await step('pnpm install (copy)', async () => ok(await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: copy, env, timeoutMs: 240_000 }), 'pnpm install in the copy'));
  ok(await run('pnpm', ['exec', 'changeset', 'version'], { cwd: copy, env }), 'changeset version');
  version = (JSON.parse(readFileSync(join(copy, 'packages/core/package.json'), 'utf8')) as { version: string }).version;
  releaseOutput = await step('pnpm release (build + publish + tag)', async () => ok(await run('pnpm', ['release'], { cwd: copy, env, timeoutMs: 300_000 }), 'pnpm release').stdout);

  consumer = mkdtempSync(join(tmpdir(), 'reelkit-consumer-'));
  cpSync(join(import.meta.dirname, '../fixtures/consumer'), consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // The one line a consumer adds: @reelkit from our registry, everything else from the default one.
  writeFileSync(join(consumer, '.npmrc'), `@reelkit:registry=${registry.url}\n`);
  const install = ['install', '--no-audit', '--no-fund', ...PACKAGES.map((p) => `${p}@${version}`), 'typescript@5.9.3', '@types/node@20'];
  await step('npm install (consumer)', async () => ok(await run('npm', install, { cwd: consumer, env: userEnv(), timeoutMs: 240_000 }), 'npm install in the consumer'));
  console.log(`publish flow: ${took.join(', ')}`);
}, 900_000);

afterAll(async () => {
  await registry?.stop();
  removeCopy(copy);
  if (consumer) rmSync(consumer, { recursive: true, force: true });
}, 120_000);

describe('publish to a real registry and install outside the workspace', { timeout: 120_000 }, () => {
  it('publishes every public package at the version changeset gave it, and tags the release', async () => {
    expect(version).not.toBe('0.1.0');
    for (const name of [...PACKAGES, '@reelkit/templates', '@reelkit/redis']) {
      const res = await fetch(`${registry.url}${name.replace('/', '%2f')}`);
      expect(res.status, name).toBe(200);
      const doc = (await res.json()) as { 'dist-tags': { latest: string } };
      expect(doc['dist-tags'].latest, name).toBe(version);
    }
    const tags = ok(await run('git', ['tag', '--list'], { cwd: copy }), 'git tag').stdout;
    expect(tags).toContain(`@reelkit/core@${version}`);
    expect(releaseOutput).toContain(`→ ${registry.url}`);
  });

  it('publishes a CHANGELOG, the LICENSE and resolved dependency ranges, and no workspace: or catalog: range', () => {
    const dir = join(consumer, 'node_modules/@reelkit/renders');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@reelkit/core']).toBe(`^${version}`);
    expect(JSON.stringify(pkg)).not.toMatch(/workspace:|catalog:/);
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(`## ${version}`);
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toContain('MIT License');
  });

  it('runs an ESM script that uses renders, creatify and the installed emulator', async () => {
    const r = ok(await run('node', ['app.mjs'], { cwd: consumer, env: userEnv() }), 'node app.mjs');
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { status: string; url: string; emulator: string; creatifyTemplates: number };
    expect(out.status).toBe('succeeded');
    expect(out.url.startsWith(out.emulator)).toBe(true);
    expect(out.creatifyTemplates).toBeGreaterThan(0);
  });

  it('runs the first script of docs/using.md, which quotes fixtures/consumer/first.mjs verbatim', async () => {
    const script = readFileSync(join(consumer, 'first.mjs'), 'utf8');
    expect(readFileSync(join(repoRoot, 'docs/using.md'), 'utf8')).toContain(script);
    const r = ok(await run('node', ['first.mjs'], { cwd: consumer, env: userEnv() }), 'node first.mjs');
    expect(r.stdout).toMatch(/status: 'succeeded'/);
  });

  it("typechecks a TypeScript file against the installed packages' declarations", async () => {
    ok(await run(join(consumer, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: consumer, env: userEnv() }), 'tsc');
  });

  it('fails to typecheck a use of a field the types do not have (the types are real, not any)', async () => {
    const r = await run(join(consumer, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--module', 'nodenext', '--skipLibCheck', 'wrong.ts'], { cwd: consumer, env: userEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/wrong\.ts\(4,\d+\): error TS2339: Property 'no_such_field' does not exist/);
  });

  it('runs the installed reelkit bin: --version, then doctor and templates list against the installed emulator', async () => {
    const bin = join(consumer, 'node_modules/.bin/reelkit');
    expect(ok(await run(bin, ['--version'], { cwd: consumer, env: userEnv() }), 'reelkit --version').stdout.trim()).toBe(version);
    const r = ok(await run('node', ['cli.mjs'], { cwd: consumer, env: userEnv() }), 'reelkit doctor, templates list');
    expect(r.stdout).not.toContain('consumer-secret-key');
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { creatomateUrl: string; doctor: string; templates: string[] };
    expect(out.doctor).toContain(`reelkit ${version}`);
    expect(out.doctor).toContain(`${out.creatomateUrl} (REELKIT_CREATOMATE_URL)`);
    expect(out.templates).toContain('Product Card');
  });

  it('refuses a plain `pnpm publish` in a package folder: only `pnpm release` publishes', async () => {
    const env = userEnv({ CI: 'true', NPM_CONFIG_USERCONFIG: registry.npmrc });
    const r = await run('pnpm', ['publish', '--no-git-checks', '--registry', registry.url], { cwd: join(copy, 'packages/templates'), env });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('use `pnpm release`');
  });
});
