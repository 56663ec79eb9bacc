// Sums every package's vitest JSON report into the closing line CI reads: "N passed, N failed".
// Exits 1 when a report is missing for a package that has tests, or when nothing ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
const missing = [];
for (const group of ['packages', 'apps', 'qa']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const dir = join(group, name);
    if (!existsSync(join(dir, 'test'))) continue;
    const report = join(dir, 'reports', 'vitest.json');
    if (!existsSync(report)) {
      missing.push(dir);
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    console.log(`  ${dir}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
if (missing.length) console.log(`  no test report (tests did not run): ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(missing.length || failed || passed === 0 ? 1 : 0);
