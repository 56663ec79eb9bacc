// The git questions a release asks: what was last released, and what a branch started from.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo.mjs';

function git(args, cwd = repoRoot) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The newest release tag reachable from HEAD (`changeset tag` writes `@reelkit/core@x.y.z` on each release). */
export const lastReleaseTag = (cwd) => git(['describe', '--tags', '--abbrev=0', '--match', '@reelkit/core@*', 'HEAD'], cwd);

/** Where this branch left main (origin/main when there is one, as on CI). */
export function mergeBaseWithMain(cwd) {
  for (const ref of ['origin/main', 'main']) {
    const base = git(['merge-base', 'HEAD', ref], cwd);
    if (base) return base;
  }
  return undefined;
}

/** The first commit: the base when nothing was ever released (all history is unreleased). */
export const rootCommit = (cwd) => git(['rev-list', '--max-parents=0', 'HEAD'], cwd)?.split('\n').at(-1);

export const shortRef = (ref, cwd) => git(['rev-parse', '--short', ref], cwd) ?? ref;

/** `ref:path` written to a temp file (redocly reads files), or undefined when it did not exist there. */
export function fileAt(ref, path, cwd) {
  const text = git(['show', `${ref}:${path}`], cwd);
  if (text === undefined) return undefined;
  const file = join(mkdtempSync(join(tmpdir(), 'reelkit-spec-')), path.replaceAll('/', '_'));
  writeFileSync(file, text + '\n');
  return file;
}

export const changedFiles = (base, paths, cwd) => git(['diff', '--name-only', base, '--', ...paths], cwd)?.split('\n') ?? [];
