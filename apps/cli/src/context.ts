// What every command gets: output, the Ctrl-C signal, credentials and lazily built clients.
import { createCreatifyClient, createCreatomateClient, readEnv, type CreatifyClient, type CreatomateClient, type Logger } from '@reelkit/core';
import { UsageError } from './errors.js';
import { requireCreatify, requireCreatomate, resolveCredentials, type Credentials } from './config.js';
import { createOutput, type Output } from './output.js';

export interface GlobalOptions {
  json?: boolean;
  debug?: boolean;
  profile?: string;
}

export interface Context {
  out: Output;
  globals: GlobalOptions;
  /** Aborted by Ctrl-C. */
  signal: AbortSignal;
  credentials(): Credentials;
  creatomate(): CreatomateClient;
  creatify(): CreatifyClient;
}

function stderrLogger(out: Output): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    out.note(`[${level}] ${message}${fields && Object.keys(fields).length ? ' ' + JSON.stringify(fields) : ''}`);
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * REELKIT_CREATOMATE_RATE_LIMIT (`off` or `N/ms`) replaces the client-side Creatomate limit, for an
 * emulator started with another limit (or none). Against the real API leave it unset.
 */
export function creatomateRateLimit(): false | { requests: number; windowMs: number } | undefined {
  const spec = readEnv('REELKIT_CREATOMATE_RATE_LIMIT');
  if (spec === undefined) return undefined;
  if (spec === 'off') return false;
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  if (!m) throw new UsageError(`REELKIT_CREATOMATE_RATE_LIMIT must be "off" or N/ms (e.g. 30/10000), got "${spec}"`);
  return { requests: Number(m[1]), windowMs: Number(m[2]) };
}

export function createContext(globals: GlobalOptions, signal: AbortSignal): Context {
  const out = createOutput({ json: globals.json === true, debug: globals.debug === true });
  let creds: Credentials | undefined;
  const credentials = () => {
    if (!creds) {
      creds = resolveCredentials(globals.profile);
      for (const s of [creds.creatomate.apiKey, creds.creatify.apiId, creds.creatify.apiKey]) out.secret(s);
    }
    return creds;
  };
  // Core redacts its own log lines; ours pass `out.redact` as well.
  const logging = () => ({ logger: stderrLogger(out), ...(globals.debug ? { logLevel: 'debug' as const } : {}) });
  const limit = creatomateRateLimit();
  let creatomate: CreatomateClient | undefined;
  let creatify: CreatifyClient | undefined;
  return {
    out,
    globals,
    signal,
    credentials,
    creatomate: () => (creatomate ??= createCreatomateClient({ ...requireCreatomate(credentials()), ...logging(), ...(limit !== undefined ? { rateLimit: limit } : {}) })),
    creatify: () => (creatify ??= createCreatifyClient({ ...requireCreatify(credentials()), ...logging() })),
  };
}
