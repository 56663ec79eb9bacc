// Classifies the difference between two versions of a spec: `redocly diff` finds and judges the
// changes, lib/spec-rules.mjs maps its verdicts to ours, and this turns them into rows and bumps.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from './repo.mjs';
import { direction, judgeVerdict, maxImpact, requiredBump } from './spec-rules.mjs';

const redocly = join(repoRoot, 'node_modules/.bin/redocly');

/** redocly's JSON report. It exits 1 when it finds a major change: that is a result, not a failure. */
export function redoclyDiff(oldFile, newFile) {
  const args = ['diff', oldFile, newFile, '--format', 'json'];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  try {
    return JSON.parse(execFileSync(redocly, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    if (error.stdout?.trim().startsWith('{')) return JSON.parse(error.stdout);
    throw new Error(`redocly diff ${oldFile} ${newFile} failed: ${error.stderr || error.message}`, { cause: error });
  }
}

/** Decodes the last meaningful segments of a JSON pointer for a readable "where". */
function shortPath(pointer) {
  const parts = pointer.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [, path, method] = parts;
  const rest = parts.slice(3).filter((p) => !['content', 'application/json', 'schema', 'properties', 'items'].includes(p));
  return `${method?.toUpperCase() ?? ''} ${path ?? ''} ${rest.join('.')}`.trim();
}

/** A change with no verdict (an addition, a description): what and which. */
function describe(change) {
  const name = change.path.split('/').at(-1)?.replace(/~1/g, '/');
  return `${change.typeName === 'Schema' ? 'property' : change.typeName} \`${name}\` ${change.kind}`;
}

/** One row per change: our impact, where it is, what it is, and where in which file. */
export function classify(report) {
  return report.changes.map((change) => {
    const where = direction(change.path);
    const judged = change.verdicts.map((v) => ({ ...v, ...judgeVerdict(v, where) }));
    const impact = judged.length ? maxImpact(judged.map((v) => v.impact)) : change.impact;
    const located = change.revision ?? change.base ?? {};
    return {
      impact,
      redoclyImpact: change.impact,
      direction: where,
      kind: change.kind,
      rules: judged.map((v) => v.ruleId),
      message: judged.map((v) => v.message).join(' ') || describe(change),
      overridden: judged.map((v) => v.overridden).filter(Boolean),
      at: shortPath(change.path),
      location: located.file ? `${basename(located.file)}:${located.line}` : undefined,
    };
  });
}

/** Every public package that builds on @reelkit/core re-exports its generated types: all need the bump. */
export function packageBumps(impact, packages) {
  return Object.fromEntries(
    packages
      .filter((p) => p.name === '@reelkit/core' || dependsOnCore(p.dir))
      .map((p) => [p.name, { version: p.version, bump: requiredBump(impact, p.version) }]),
  );
}

function dependsOnCore(dir) {
  const file = join(repoRoot, dir, 'package.json');
  if (!existsSync(file)) return false;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  return Boolean(pkg.dependencies?.['@reelkit/core'] ?? pkg.peerDependencies?.['@reelkit/core']);
}

/** The whole verdict for a set of { vendor, oldFile, newFile } (oldFile undefined: a new spec). */
export function diffSpecs(pairs, packages) {
  const specs = pairs.map(({ vendor, oldFile, newFile }) => {
    if (!oldFile) return { vendor, new: true, impact: 'none', changes: [] };
    const changes = classify(redoclyDiff(oldFile, newFile));
    return { vendor, impact: maxImpact(changes.map((c) => c.impact)), changes };
  });
  const impact = maxImpact(specs.map((s) => s.impact));
  return { impact, breaking: impact === 'major', specs, packages: packageBumps(impact, packages) };
}
