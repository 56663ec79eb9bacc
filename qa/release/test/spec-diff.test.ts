// spec:diff classifies spec changes by what they do to our consumers (scripts/lib/spec-rules.mjs).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, renameProperty, repoRoot, run, specVariant } from './helpers.js';

const spec = join(repoRoot, 'specs/creatomate.openapi.yml');

interface Change {
  impact: string;
  direction: string;
  rules: string[];
  message: string;
  overridden: string[];
  location?: string;
}
interface Result {
  impact: string;
  breaking: boolean;
  specs: { changes: Change[] }[];
  packages: Record<string, { version: string; bump: string }>;
}

async function specDiff(newFile: string): Promise<Result> {
  const r = ok(await run('node', ['scripts/spec-diff.mjs', '--json', spec, newFile]), 'spec:diff');
  return JSON.parse(r.stdout) as Result;
}

const changes = (r: Result) => r.specs.flatMap((s) => s.changes);

describe('spec:diff', { timeout: 30_000 }, () => {
  it('calls a removed response field breaking, with the line it was on, and asks every package for a major (a minor below 1.0)', async () => {
    const r = await specDiff(specVariant(spec, (d) => d.deleteIn(['components', 'schemas', 'Render', 'properties', 'snapshot_url'])));
    expect(r.breaking).toBe(true);
    expect(changes(r)).toContainEqual(expect.objectContaining({ impact: 'major', direction: 'response', rules: ['property-removed'], location: expect.stringMatching(/^creatomate\.openapi\.yml:\d+$/) as unknown }));
    const core = r.packages['@reelkit/core']!;
    expect(core.bump).toBe(core.version.startsWith('0.') ? 'minor' : 'major');
    expect(Object.keys(r.packages)).toEqual(expect.arrayContaining(['@reelkit/renders', '@reelkit/templates', '@reelkit/creatify', '@reelkit/emulator', '@reelkit/cli']));
  });

  it('calls a renamed response field breaking', async () => {
    const r = await specDiff(specVariant(spec, (d) => renameProperty(d, 'Render', 'url', 'output_url')));
    expect(r.breaking).toBe(true);
    expect(changes(r).filter((c) => c.impact === 'major').map((c) => c.message).join(' ')).toMatch(/`url`/);
  });

  it('calls a new response enum value non-breaking, overriding redocly, because reads are tolerant', async () => {
    const r = await specDiff(specVariant(spec, (d) => (d.getIn(['components', 'schemas', 'RenderStatus', 'enum']) as { add(v: string): void }).add('cancelled')));
    expect(r.breaking).toBe(false);
    expect(r.impact).toBe('minor');
    const [change] = changes(r);
    expect(change).toMatchObject({ impact: 'minor', direction: 'response', rules: ['enum-values-added'] });
    expect(change!.overridden.join()).toMatch(/redocly: major; ours: minor/);
    const core = r.packages['@reelkit/core']!;
    expect(core.bump).toBe(core.version.startsWith('0.') ? 'patch' : 'minor');
  });

  it('calls a new optional request field non-breaking', async () => {
    const r = await specDiff(specVariant(spec, (d) => d.setIn(['components', 'schemas', 'CreateRenderRequest', 'properties', 'priority'], { type: 'integer' })));
    expect(r).toMatchObject({ breaking: false, impact: 'minor' });
    expect(changes(r)).toEqual([expect.objectContaining({ direction: 'request', impact: 'minor' })]);
  });

  it('calls a newly required request field breaking', async () => {
    const r = await specDiff(specVariant(spec, (d) => d.setIn(['components', 'schemas', 'CreateRenderRequest', 'required'], ['metadata'])));
    expect(r.breaking).toBe(true);
    expect(changes(r).flatMap((c) => c.rules)).toContain('required-properties-added');
  });

  it('calls a changed request field type breaking', async () => {
    const r = await specDiff(specVariant(spec, (d) => d.setIn(['components', 'schemas', 'CreateRenderRequest', 'properties', 'metadata', 'type'], 'object')));
    expect(r.breaking).toBe(true);
    expect(changes(r).flatMap((c) => c.rules)).toContain('schema-type-changed');
  });

  it('calls a removed operation breaking', async () => {
    const r = await specDiff(specVariant(spec, (d) => d.deleteIn(['paths', '/renders/{id}', 'delete'])));
    expect(r.breaking).toBe(true);
    expect(changes(r).flatMap((c) => c.rules)).toContain('operation-removed');
  });

  it('calls an unchanged spec no change at all', async () => {
    const r = await specDiff(spec);
    expect(r).toMatchObject({ impact: 'none', breaking: false });
    expect(r.packages['@reelkit/core']!.bump).toBe('none');
  });

  it('prints a table with the verdict and the bumps, then the JSON', async () => {
    const variant = specVariant(spec, (d) => renameProperty(d, 'Render', 'url', 'output_url'));
    const r = ok(await run('node', ['scripts/spec-diff.mjs', spec, variant]), 'spec:diff');
    expect(r.stdout).toMatch(/│ impact │/);
    expect(r.stdout).toMatch(/BREAKING for our consumers \(impact: major\)\. Bumps needed: @reelkit\/core \d+\.\d+\.\d+: (minor|major)/);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('\n{') + 1))).toMatchObject({ breaking: true });
  });
});
