// The README's examples are the shell scripts in examples/, run here with `reelkit` on PATH (the
// built CLI) against an in-process emulator, and quoted verbatim by the README.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, MAIN, TEST_KEY, type Harness } from './helpers.js';

let h: Harness;
let bin: string;
beforeAll(async () => {
  h = await harness();
  bin = join(h.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'reelkit'), `#!/bin/sh\nexec "${process.execPath}" "${MAIN}" "$@"\n`);
  chmodSync(join(bin, 'reelkit'), 0o755);
});
afterAll(async () => {
  await h.close();
});

const EXAMPLES = new URL('../examples/', import.meta.url).pathname;

function example(file: string): Promise<{ code: number | null; out: string }> {
  const cwd = join(h.dir, file.replace('.sh', ''));
  mkdirSync(cwd, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn('bash', [join(EXAMPLES, file)], { cwd, env: { ...h.env, PATH: `${bin}:${h.env.PATH ?? ''}` } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('examples', { timeout: 60_000 }, () => {
  it('first-render.sh: five commands end with the render saved', async () => {
    const { code, out } = await example('first-render.sh');
    expect(code, out).toBe(0);
    expect(out).toMatch(/creatomate\s+ok: reachable, key accepted/);
    expect(out).toMatch(/saved out\/[0-9a-f-]{36}\.png/);
    expect(readdirSync(join(h.dir, 'first-render', 'out'))).toHaveLength(1);
  });

  it('batch.sh: the second run submits nothing and prints the same summary', async () => {
    const { code, out } = await example('batch.sh');
    expect(code, out).toBe(0);
    expect(out.match(/batch: 3 succeeded of 3 rows/g)).toHaveLength(2);
    const ids = [...out.matchAll(/row \d: succeeded ([0-9a-f-]{36})/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
  });

  it('scripting.sh: data from --json and an exit code per outcome', async () => {
    const { code, out } = await example('scripting.sh');
    expect(code, out).toBe(0);
    expect(out).toMatch(/render [0-9a-f-]{36} succeeded/);
    expect(out).toContain('a render that does not exist: exit 4');
  });

  it('creatify.sh: the estimate states its assumption, and the job runs to its video', async () => {
    const { code, out } = await example('creatify.sh');
    expect(code, out).toBe(0);
    expect(out).toMatch(/assuming \d+ spoken words at 2\.5 words\/s/);
    expect(out).toMatch(/job [0-9a-f-]{36}: done http/);
    expect(out).not.toContain(TEST_KEY);
  });

  it('every-command.sh: one of each command runs through', async () => {
    const { code, out } = await example('every-command.sh');
    expect(code, out).toBe(0);
    expect(out).toMatch(/wrote templates\.gen\.ts/);
    expect(out).toMatch(/saved renders\/[0-9a-f-]{36}\.png/);
    expect(out).toMatch(/deleted [0-9a-f-]{36}/);
    expect(out).toMatch(/job [0-9a-f-]{36}: done http/);
  });

  it.each(['first-render.sh', 'batch.sh', 'scripting.sh', 'creatify.sh', 'every-command.sh'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(readFileSync(join(EXAMPLES, file), 'utf8').trim());
  });
});
