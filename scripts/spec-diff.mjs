#!/usr/bin/env node
// `pnpm spec:diff [<old> <new>]`: what a spec change means for our consumers, and the bump it needs.
//   no files: each specs/<vendor>.openapi.yml in the working tree against the last release tag,
//             or, before the first release, against where this branch left main (--base <ref> to choose)
//   --json:   only the JSON (otherwise a table, then the JSON)
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { diffSpecs } from './lib/spec-diff.mjs';
import { fileAt, lastReleaseTag, mergeBaseWithMain, shortRef } from './lib/git.mjs';
import { publicPackages, repoRoot } from './lib/repo.mjs';

export const VENDORS = ['creatomate', 'creatify'];

/** The pairs to compare: the two files given, or every vendor's spec against the base. */
export function specPairs(files, baseRef) {
  if (files.length === 2) return { base: files[0], pairs: [{ vendor: basename(files[1]), oldFile: files[0], newFile: files[1] }] };
  if (files.length) throw new Error('spec:diff takes no files or two: <old> <new>');
  const base = baseRef ?? lastReleaseTag() ?? mergeBaseWithMain();
  if (!base) throw new Error('spec:diff: no release tag and no main to compare with; pass --base <ref> or two files');
  const pairs = VENDORS.map((vendor) => {
    const path = `specs/${vendor}.openapi.yml`;
    return { vendor, oldFile: fileAt(base, path), newFile: join(repoRoot, path) };
  });
  return { base: shortRef(base), pairs };
}

export function renderTable(result) {
  const table = new Table({ head: ['spec', 'impact', 'in', 'change', 'where', 'line'], style: { head: [], border: [] }, wordWrap: true, colWidths: [12, 8, 10, 50, 34, 24] });
  for (const spec of result.specs) {
    if (spec.new) table.push([spec.vendor, '-', '-', 'new spec (nothing released to compare with)', '', '']);
    for (const c of spec.changes) {
      const note = c.overridden.length ? ` [${c.overridden.join('; ')}]` : '';
      table.push([spec.vendor, c.impact, c.direction, c.message + note, c.at, c.location ?? '']);
    }
    if (!spec.new && !spec.changes.length) table.push([spec.vendor, 'none', '', 'no changes', '', '']);
  }
  const bumps = Object.entries(result.packages).map(([name, p]) => `${name} ${p.version}: ${p.bump}`);
  return `${table.toString()}\n${result.breaking ? 'BREAKING' : 'not breaking'} for our consumers (impact: ${result.impact}). Bumps needed: ${bumps.join(', ')}`;
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string' }, json: { type: 'boolean' } } });
  const { base, pairs } = specPairs(positionals, values.base);
  const result = { base, ...diffSpecs(pairs, publicPackages()) };
  if (!values.json) console.log(`spec:diff against ${base}\n${renderTable(result)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
