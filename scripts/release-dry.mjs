#!/usr/bin/env node
// `pnpm release:dry`: what the next `changeset version` would do, without touching this checkout.
// Runs it in a throwaway copy of the working tree and prints each package's version change and the
// CHANGELOG entry it would get.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyRepo, publicPackages, repoRoot } from './lib/repo.mjs';

/** The section `changeset version` writes on top of a CHANGELOG: from `## <version>` to the next `## `. */
export function changelogEntry(text, version) {
  const start = text.indexOf(`## ${version}\n`);
  if (start < 0) return undefined;
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start, next < 0 ? undefined : next).trim();
}

function main() {
  const before = new Map(publicPackages().map((p) => [p.name, p.version]));
  const copy = copyRepo({ prefix: 'reelkit-release-dry-' });
  try {
    // The changelog generator is resolved from the copy: lend it this checkout's node_modules.
    symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    execFileSync(join(repoRoot, 'node_modules/.bin/changeset'), ['version'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
    const after = publicPackages(copy);
    const changed = after.filter((p) => before.get(p.name) !== p.version);
    if (!changed.length) {
      console.log('release:dry: no changesets, so no version would change');
      return;
    }
    for (const p of changed) {
      console.log(`${p.name}: ${before.get(p.name)} → ${p.version}`);
    }
    for (const p of changed) {
      const file = join(copy, p.dir, 'CHANGELOG.md');
      const entry = existsSync(file) ? changelogEntry(readFileSync(file, 'utf8'), p.version) : undefined;
      console.log(`\n${p.dir}/CHANGELOG.md\n# ${p.name}\n\n${entry ?? '(no entry)'}`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

main();
