import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = new URL('../dist/main.js', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const sha = (vendor: string) =>
  createHash('sha256').update(readFileSync(new URL(`../../../specs/${vendor}.openapi.yml`, import.meta.url))).digest('hex');

// Each test starts a Node process; generous timeouts keep a loaded CI machine from failing them.
describe('reelkit (built binary)', { timeout: 30_000 }, () => {
  it('prints its package version for --version', async () => {
    const { stdout } = await run(process.execPath, [main, '--version']);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('doctor lists both built-in specs with the hash of the checked-in spec files', async () => {
    const { stdout } = await run(process.execPath, [main, 'doctor', '--offline']);
    expect(stdout).toMatch(/creatomate\s+Creatomate API 1\.0 \(OpenAPI 3\.0\.1, 6 operations/);
    expect(stdout).toMatch(/creatify\s+Creatify API \(custom templates\) 1\.0\.0 \(OpenAPI 3\.0\.3, 7 operations/);
    expect(stdout).toContain(sha('creatomate').slice(0, 12));
    expect(stdout).toContain(sha('creatify').slice(0, 12));
  });

  it('doctor reports the configuration from the environment without printing a key', async () => {
    const secret = 'sk-doctor-secret-4242';
    const env: Record<string, string | undefined> = { ...process.env, CREATOMATE_API_KEY: secret, CREATIFY_API_KEY: secret, REELKIT_CREATIFY_URL: 'http://127.0.0.1:4010', REELKIT_LOG: 'debug' };
    delete env.CREATIFY_API_ID;
    delete env.REELKIT_CREATOMATE_URL;
    const { stdout, stderr } = await run(process.execPath, [main, 'doctor', '--offline'], { env });
    expect(stdout).toMatch(/creatomate\s+https:\/\/api\.creatomate\.com\/v1 \(default\); CREATOMATE_API_KEY set/);
    expect(stdout).toMatch(/creatify\s+http:\/\/127\.0\.0\.1:4010 \(REELKIT_CREATIFY_URL\); CREATIFY_API_ID not set, CREATIFY_API_KEY set/);
    expect(stdout).toMatch(/log level\s+debug \(REELKIT_LOG\)/);
    expect(stdout + stderr).not.toContain(secret);
  });

  it('doctor shows the log level core would use when REELKIT_LOG is misspelt, and warns', async () => {
    const { stdout, stderr } = await run(process.execPath, [main, 'doctor', '--offline'], { env: { ...process.env, REELKIT_LOG: 'debgu' } });
    expect(stdout).toMatch(/log level\s+warn \(REELKIT_LOG\)/);
    expect(stderr).toContain('ignoring REELKIT_LOG=debgu');
  });

  it('exits 2 (usage) on an unknown command', async () => {
    await expect(run(process.execPath, [main, 'nope'])).rejects.toMatchObject({ code: 2 });
  });
});
