// Shared by the release tests: the repo's root, running its scripts, and editing spec copies.
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument, type Document } from 'yaml';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const execFileAsync = promisify(execFile);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to the end and returns its exit code and output (a non-zero exit is a result here). */
export async function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync(cmd, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

/** Fails with the command's output when it did not exit 0. */
export function ok(result: Run, what: string): Run {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** A spec as an editable YAML document (comments kept). */
export const loadSpec = (file: string): Document => parseDocument(readFileSync(file, 'utf8'));

/** Writes an edited copy of `file` to a temp folder and returns its path. */
export function specVariant(file: string, edit: (doc: Document) => void, name = 'spec.openapi.yml'): string {
  const doc = loadSpec(file);
  edit(doc);
  const out = join(mkdtempSync(join(tmpdir(), 'reelkit-variant-')), name);
  writeFileSync(out, doc.toString());
  return out;
}

/** Renames a property of a component schema, in `properties` and in `required`. */
export function renameProperty(doc: Document, schema: string, from: string, to: string): void {
  const props = ['components', 'schemas', schema, 'properties'];
  const value: unknown = doc.getIn([...props, from], true);
  doc.deleteIn([...props, from]);
  doc.setIn([...props, to], value);
  const required = doc.getIn(['components', 'schemas', schema, 'required']) as { items: { value: string }[] } | undefined;
  for (const item of required?.items ?? []) if (item.value === from) item.value = to;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The environment of a command run as a user would: no npm_/pnpm_ variables inherited from the
 * `pnpm test` that runs us, and no workspace bin folder on PATH.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|VITEST|TURBO_HASH)/i.test(k)) continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '').split(':').filter((p) => !p.includes('node_modules')).join(':');
  return { ...env, ...extra };
}

/**
 * A throwaway copy of the working tree as a one-commit git repo (scripts/lib/repo.mjs `copyRepo`).
 * `linkNodeModules`: borrow this checkout's root node_modules (enough for scripts that only run the
 * root's tools); otherwise the caller runs `pnpm install` in it.
 */
export async function copyOfRepo(options: { prefix: string; withDist?: boolean; linkNodeModules?: boolean }): Promise<string> {
  const args = JSON.stringify({ prefix: options.prefix, withDist: options.withDist ?? false });
  const script = `import { copyRepo } from ${JSON.stringify(join(repoRoot, 'scripts/lib/repo.mjs'))}; console.log(copyRepo(${args}))`;
  const dir = ok(await run('node', ['--input-type=module', '-e', script]), 'copy the repo').stdout.trim();
  if (options.linkNodeModules) symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Removes a copy (a borrowed node_modules link is unlinked, never followed). */
export function removeCopy(dir: string | undefined): void {
  if (!dir) return;
  rmSync(join(dir, 'node_modules'), { force: true, recursive: !isLink(join(dir, 'node_modules')) });
  rmSync(dir, { recursive: true, force: true });
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};
