#!/usr/bin/env node
// CI's release check (`pnpm changeset:check`): every package or spec changed since the last release
// has a changeset, and a spec change has at least the bump lib/spec-rules.mjs says it needs.
//
// The base is the last release tag (`@reelkit/core@x.y.z`, written by `pnpm release`). Before the first
// release there is no tag, and the base is the repo's first commit: nothing was ever published, so all
// of history is unreleased. (Not `main`, as `changeset status` defaults to: on a fresh clone of main,
// main is HEAD, the diff is empty and every check would pass without looking at anything.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changedFiles, lastReleaseTag, rootCommit, shortRef } from './lib/git.mjs';
import { publicPackages, repoRoot } from './lib/repo.mjs';
import { diffSpecs } from './lib/spec-diff.mjs';
import { bumpAtLeast } from './lib/spec-rules.mjs';
import { renderTable, specPairs } from './spec-diff.mjs';

export function releaseBase(cwd = repoRoot) {
  const tag = lastReleaseTag(cwd);
  if (tag) return { ref: tag, why: `last release ${tag}` };
  const root = rootCommit(cwd);
  return root ? { ref: root, why: `no release yet: first commit ${shortRef(root, cwd)}` } : undefined;
}

/** `changeset status` against the base: fails when a changed package has no changeset; returns its plan. */
function changesetStatus(base) {
  const out = join(mkdtempSync(join(tmpdir(), 'reelkit-status-')), 'status.json');
  try {
    // --output is relative to the repo root in changesets 2.x; an absolute path is kept as is.
    execFileSync(join(repoRoot, 'node_modules/.bin/changeset'), ['status', `--since=${base}`, `--output=${out}`], { cwd: repoRoot, stdio: 'inherit' });
  } catch {
    return { ok: false };
  }
  return { ok: true, plan: JSON.parse(readFileSync(out, 'utf8')) };
}

function main() {
  const base = releaseBase();
  if (!base) {
    console.error('changeset:check: not a git checkout with history: cannot tell what changed since the last release');
    process.exit(1);
  }
  console.log(`changeset:check: against ${base.why}`);
  const status = changesetStatus(base.ref);
  if (!status.ok) {
    console.error('changeset:check: a package changed since the last release without a changeset: add one with `pnpm changeset`');
    process.exit(1);
  }
  if (!changedFiles(base.ref, ['specs']).length) {
    console.log('changeset:check: ok (specs unchanged)');
    return;
  }
  const { pairs } = specPairs([], base.ref);
  const result = diffSpecs(pairs, publicPackages());
  console.log(renderTable(result));
  const given = new Map(status.plan.releases.map((r) => [r.name, r.type]));
  const short = Object.entries(result.packages).filter(([name, p]) => !bumpAtLeast(given.get(name), p.bump));
  if (short.length) {
    for (const [name, p] of short) {
      console.error(`changeset:check: ${name} needs a ${p.bump} changeset for this spec change; it has ${given.get(name) ?? 'none'}`);
    }
    console.error('changeset:check: run `pnpm spec:update` or `pnpm changeset` (docs/releasing.md)');
    process.exit(1);
  }
  console.log('changeset:check: ok (the spec change has the bump it needs)');
}

main();
