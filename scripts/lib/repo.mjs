// Where the repo is, which packages it publishes, and how to make a throwaway copy of it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every workspace package that is not private: what a release publishes. */
export function publicPackages(root = repoRoot) {
  const found = [];
  for (const group of ['packages', 'apps']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir)) {
      const file = join(groupDir, name, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (!pkg.private) found.push({ name: pkg.name, version: pkg.version, dir: join(group, name) });
    }
  }
  return found;
}

/**
 * Copies the working tree (tracked and untracked, not ignored: what a commit of it would hold) to a
 * new temp folder, with each public package's `dist/` when `withDist` (its tsbuildinfo lets a later
 * `tsc -b` skip what is unchanged), and makes the copy a one-commit git repo (changesets, tags).
 */
export function copyRepo({ withDist = false, prefix = 'reelkit-copy-' } = {}) {
  const dest = mkdtempSync(join(tmpdir(), prefix));
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' });
  // A node_modules symlink is not matched by the `node_modules/` ignore rule: skip it by name.
  const files = listed.split('\0').filter((f) => f && !/(^|\/)node_modules(\/|$)/.test(f));
  for (const file of files) {
    const from = join(repoRoot, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(from, join(dest, file), { preserveTimestamps: true, verbatimSymlinks: true });
  }
  if (withDist) {
    for (const { dir } of publicPackages()) {
      const dist = join(repoRoot, dir, 'dist');
      if (existsSync(dist)) cpSync(dist, join(dest, dir, 'dist'), { recursive: true, preserveTimestamps: true });
    }
  }
  const git = (...args) => execFileSync('git', args, { cwd: dest, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=reelkit', '-c', 'user.email=reelkit@localhost', 'commit', '-q', '--no-verify', '-m', 'copy');
  return dest;
}
