// The built CLI as a subprocess, against an emulator started in this process on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FaultRule } from '@reelkit/emulator';

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

/**
 * The emulator in its own Node process, run from its build (the `reelkit-emulator` bin), controlled
 * through its admin API. Not in-process: under vitest the emulator's file-builder worker thread
 * inherits the source export condition and cannot load the TypeScript it then resolves to.
 */
export interface EmulatorProcess {
  url: string;
  creatomateUrl: string;
  creatifyUrl: string;
  faults: { add(rules: FaultRule | FaultRule[]): Promise<void>; clear(): Promise<void> };
  close(): Promise<void>;
}

export interface EmulatorFlags {
  speed?: number;
  seed?: string;
  keys?: string[];
  /** `N/ms` or `off` (default off: the tests check behaviour, not the limit; bench/ does speed). */
  rateLimit?: string;
}

const EMULATOR_BIN = join(dirname(createRequire(import.meta.url).resolve('@reelkit/emulator/package.json')), 'dist', 'cli.js');

export async function startEmulatorProcess(flags: EmulatorFlags = {}): Promise<EmulatorProcess> {
  const args = ['--port', '0', '--speed', String(flags.speed ?? 500), '--rate-limit', flags.rateLimit ?? 'off'];
  if (flags.seed) args.push('--seed', flags.seed);
  if (flags.keys) args.push('--keys', flags.keys.join(','));
  const child: ChildProcess = spawn(process.execPath, [EMULATOR_BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited ${code}: ${out}`)));
  });
  const admin = async (method: string, body?: unknown) => {
    const res = await fetch(`${url}/__emulator/faults`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} /__emulator/faults: ${res.status} ${await res.text()}`);
  };
  return {
    url,
    creatomateUrl: `${url}/v1`,
    creatifyUrl: url,
    faults: {
      add: async (rules) => {
        for (const rule of Array.isArray(rules) ? rules : [rules]) await admin('POST', rule);
      },
      clear: () => admin('DELETE'),
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Harness {
  emu: EmulatorProcess;
  dir: string;
  env: NodeJS.ProcessEnv;
  cli(args: string[], opts?: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string }): Promise<Run>;
  json<T = unknown>(args: string[]): Promise<T>;
  close(): Promise<void>;
}

export async function harness(flags: EmulatorFlags = {}): Promise<Harness> {
  const emu = await startEmulatorProcess(flags);
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
