// Sums every package's vitest JSON reports into the closing line CI reads: "N passed, N failed".
// reports/vitest.json is each package's run (Node 20); reports/vitest-node22.json, where present, its
// run on Node 22 (`pnpm test:node22`). Exits 1 when a package with tests has no report, or nothing ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
const missing = [];

function count(dir, file, label) {
  const r = JSON.parse(readFileSync(join(dir, 'reports', file), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  console.log(`  ${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}

for (const group of ['packages', 'apps', 'qa']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const dir = join(group, name);
    if (!existsSync(join(dir, 'test'))) continue;
    if (existsSync(join(dir, 'reports', 'vitest.json'))) count(dir, 'vitest.json', dir);
    else missing.push(dir);
    if (existsSync(join(dir, 'reports', 'vitest-node22.json'))) count(dir, 'vitest-node22.json', `${dir} (node 22)`);
  }
}
if (missing.length) console.log(`  no test report (tests did not run): ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(missing.length || failed || passed === 0 ? 1 : 0);
