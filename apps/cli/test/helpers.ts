// The built CLI as a subprocess, against an emulator started in this process on a free port.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '@reelkit/emulator';

export const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
/** The key every test uses: no captured output, file or ledger may contain it. */
export const TEST_KEY = 'sk-reelkit-test-7f3a9c2e41';
export const TEST_ID = 'creatify-id-test-5b8d';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Everything any CLI run printed in this test file, searched for TEST_KEY at the end. */
export const captured: string[] = [];

export interface Harness {
  emu: Emulator;
  dir: string;
  env: NodeJS.ProcessEnv;
  cli(args: string[], opts?: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string }): Promise<Run>;
  json<T = unknown>(args: string[]): Promise<T>;
  close(): Promise<void>;
}

export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  // Fast lifecycle and no vendor limit: the tests check behaviour, not the limit (bench/ does speed).
  const emu = await startEmulator({ port: 0, clock: 'real', speed: 500, rateLimit: false, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'reelkit-cli-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    REELKIT_CONFIG_DIR: join(dir, 'config'),
    REELKIT_CREATOMATE_URL: emu.creatomateUrl,
    REELKIT_CREATIFY_URL: emu.creatifyUrl,
    REELKIT_CREATOMATE_RATE_LIMIT: 'off',
    CREATOMATE_API_KEY: TEST_KEY,
    CREATIFY_API_ID: TEST_ID,
    CREATIFY_API_KEY: TEST_KEY,
  };
  const cli: Harness['cli'] = (args, opts = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [MAIN, ...args], { env: { ...env, ...opts.env }, cwd: opts.cwd ?? dir, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        captured.push(stdout, stderr);
        resolve({ code, signal, stdout, stderr });
      });
      child.stdin.end(opts.input ?? '');
    });
  return {
    emu,
    dir,
    env,
    cli,
    async json<T>(args: string[]) {
      const r = await cli(['--json', ...args]);
      if (r.code !== 0) throw new Error(`reelkit ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    close: () => emu.close(),
  };
}
