// Parsing of the CLI's own argument forms (Name=value, JSON files, ids). Each problem is a
// UsageError naming the argument, so bad input never ends in a stack trace.
import { readFileSync } from 'node:fs';
import { zCustomTemplateJobsRetrievePath } from '@reelkit/core/creatify';
import { UsageError } from './errors.js';

/** `Name=value` pairs (the first `=` splits; the value may contain more). */
export function parseAssignments(option: string, values: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of values) {
    const at = raw.indexOf('=');
    if (at <= 0) throw new UsageError(`${option} "${raw}" must be Name=value`, [{ path: option, message: 'expected Name=value' }]);
    out[raw.slice(0, at)] = raw.slice(at + 1);
  }
  return out;
}

/** Seconds per name, from `name=seconds`. */
export function parseSeconds(option: string, values: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(parseAssignments(option, values))) {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${option} ${name}=${v}: seconds must be a number ≥ 0`, [{ path: option, message: 'expected name=seconds' }]);
    out[name] = n;
  }
  return out;
}

export function readJson(option: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${option} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${option} ${file}: not valid JSON (${(error as Error).message})`);
  }
}

export function readJsonObject(option: string, file: string): Record<string, unknown> {
  const value = readJson(option, file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${option} ${file}: expected a JSON object`);
  return value as Record<string, unknown>;
}

/** Both vendors use UUIDs for ids: a typo is caught here, naming the argument, before any request. */
export function uuid(argument: string, given: string): string {
  const value: string = given;
  // The spec's own UUID format (a job id), not a copy of it.
  if (zCustomTemplateJobsRetrievePath.shape.id.safeParse(given).success) return given;
  throw new UsageError(`${argument} must be a UUID (8-4-4-4-12 hex), got "${value}"`, [{ path: argument, message: 'not a UUID' }]);
}
