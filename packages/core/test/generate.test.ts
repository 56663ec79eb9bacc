import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = new URL('../scripts/generate.mjs', import.meta.url).pathname;
const specs = new URL('../../../specs/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'reelkit-specs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each test runs the generator (openapi-typescript + the hey-api CLI) in a child process.
describe('generated code freshness', { timeout: 180_000 }, () => {
  it('generate:check passes on the committed files', async () => {
    const { stdout } = await run(process.execPath, [script, '--check']);
    expect(stdout).toMatch(/generated files match specs/);
  });

  it('generate:check fails, naming the stale files, when a field type changes in a spec', async () => {
    cpSync(specs, scratch, { recursive: true });
    const file = join(scratch, 'creatomate.openapi.yml');
    const spec = readFileSync(file, 'utf8');
    // Render.file_size: integer → string
    const changed = spec.replace(/(file_size:\n\s+type: )integer/, '$1string');
    expect(changed).not.toBe(spec);
    writeFileSync(file, changed);
    const failure = await run(process.execPath, [script, '--check'], { env: { ...process.env, REELKIT_SPECS_DIR: scratch } }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('src/generated/creatomate/types.ts');
    expect(failure?.stderr).toContain('src/generated/creatomate/zod-responses.ts');
    expect(failure?.stderr).not.toContain('src/generated/creatify/types.ts');
  });
});
