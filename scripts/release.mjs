#!/usr/bin/env node
// `pnpm release`: builds and publishes every public package to the internal registry, then tags
// the release (`changeset tag`: the tags are what spec:diff and the changeset check compare against).
// Refuses, publishing nothing, when no internal registry is configured or the target is public.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publicPackages, repoRoot } from './lib/repo.mjs';
import { resolveTarget } from './lib/registry.mjs';

function refuse(message) {
  console.error(`release: refusing to publish: ${message}`);
  process.exit(1);
}

/** Changesets not yet applied by `changeset version`: publishing now would skip their bumps. */
function pendingChangesets() {
  return readdirSync(join(repoRoot, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
}

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });

const { target, refusal } = resolveTarget({ cwd: repoRoot });
if (refusal) refuse(refusal);
const pending = pendingChangesets();
if (pending.length) refuse(`unreleased changesets (${pending.join(', ')}): run \`pnpm changeset version\` and commit first`);

const packages = publicPackages();
console.log(`release: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')} → ${target}`);
run('pnpm', ['turbo', 'run', 'build', ...packages.map((p) => `--filter=${p.name}`)]);
// pnpm resolves workspace:/catalog: ranges and skips versions the registry already has.
// REELKIT_RELEASE_TARGET lets each package's prepublishOnly guard know this is a real release.
run('pnpm', ['publish', '-r', '--registry', target, '--no-git-checks'], {
  REELKIT_RELEASE_TARGET: target,
  'npm_config_@reelkit:registry': target,
});
if (existsSync(join(repoRoot, '.git'))) run('pnpm', ['exec', 'changeset', 'tag']);
