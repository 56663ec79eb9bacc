#!/usr/bin/env node
// `pnpm spec:update <vendor> <file>`: replaces specs/<vendor>.openapi.yml with <file> (after linting
// it), regenerates core, classifies the change (spec:diff) and writes a draft changeset with the bump
// every package needs and the diff's table as its text. Edit the draft's wording, then commit it all.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { publicPackages, repoRoot } from './lib/repo.mjs';
import { diffSpecs } from './lib/spec-diff.mjs';
import { renderTable, VENDORS } from './spec-diff.mjs';

function fail(message) {
  console.error(`spec:update: ${message}`);
  process.exit(1);
}

const run = (cmd, args) => execFileSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });

/** The changeset's text: what changed for users, as a Markdown table. */
export function changesetText(vendor, result) {
  const rows = result.specs.flatMap((s) => s.changes).filter((c) => c.impact !== 'patch');
  const cell = (s) => String(s ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
  const table = [
    '| impact | in | change | where |',
    '| --- | --- | --- | --- |',
    ...rows.map((c) => `| ${c.impact} | ${c.direction} | ${cell(c.message)} | ${cell(c.at)} |`),
  ];
  const verdict = result.breaking ? '**Breaking** for code that uses the changed fields' : 'Not breaking';
  return `${vendor} spec updated. ${verdict} (spec:diff impact: ${result.impact}).\n\n${table.join('\n')}\n`;
}

export function changesetFile(bumps, text) {
  const lines = Object.entries(bumps)
    .filter(([, p]) => p.bump !== 'none')
    .map(([name, p]) => `"${name}": ${p.bump}`);
  return `---\n${lines.join('\n')}\n---\n\n${text}`;
}

function main() {
  const [vendor, file] = process.argv.slice(2);
  if (!VENDORS.includes(vendor) || !file) fail(`usage: pnpm spec:update <${VENDORS.join('|')}> <file>`);
  const source = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(source)) fail(`no such file: ${source}`);
  run(join(repoRoot, 'node_modules/.bin/redocly'), ['lint', '--config', join(repoRoot, 'specs/redocly.yaml'), source]);

  const target = join(repoRoot, 'specs', `${vendor}.openapi.yml`);
  const before = join(mkdtempSync(join(tmpdir(), 'reelkit-spec-before-')), `${vendor}.openapi.yml`);
  copyFileSync(target, before);
  copyFileSync(source, target);
  run('pnpm', ['--filter', '@reelkit/core', 'run', 'generate']);

  const result = diffSpecs([{ vendor, oldFile: before, newFile: target }], publicPackages());
  console.log(renderTable(result));
  if (result.impact === 'none') {
    console.log('spec:update: no change our consumers can see; no changeset written');
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13);
  const out = join(repoRoot, '.changeset', `spec-${vendor}-${stamp}.md`);
  writeFileSync(out, changesetFile(result.packages, changesetText(vendor, result)));
  console.log(`spec:update: wrote ${out.slice(repoRoot.length + 1)}: review its text, then commit the spec, the regenerated code and it`);
}

main();
