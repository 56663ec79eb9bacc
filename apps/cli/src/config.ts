// Credentials: from the environment, or from a named profile in the platform's config directory
// (env-paths; REELKIT_CONFIG_DIR overrides it), written 0600 by `reelkit login`.
import envPaths from 'env-paths';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readEnv } from '@reelkit/core';
import { MissingCredentialsError, UsageError } from './errors.js';

export interface Profile {
  creatomate_api_key?: string;
  creatify_api_id?: string;
  creatify_api_key?: string;
  creatomate_url?: string;
  creatify_url?: string;
}

export interface ConfigFile {
  profiles: Record<string, Profile>;
}

export function configPath(): string {
  const dir = readEnv('REELKIT_CONFIG_DIR') ?? envPaths('reelkit', { suffix: '' }).config;
  return join(dir, 'config.json');
}

export function readConfig(path = configPath()): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { profiles: {} };
  }
  try {
    const parsed = JSON.parse(text) as Partial<ConfigFile>;
    return { profiles: parsed.profiles ?? {} };
  } catch {
    throw new UsageError(`${path} is not valid JSON: fix or delete it, then run \`reelkit login\` again.`);
  }
}

/** Writes the config atomically, readable by the owner only (it holds keys). */
export function writeConfig(config: ConfigFile, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

export interface Credentials {
  creatomate: { apiKey?: string | undefined; baseUrl?: string | undefined };
  creatify: { apiId?: string | undefined; apiKey?: string | undefined; baseUrl?: string | undefined };
  /** Where they came from, for messages (`environment` or `profile <name>`). */
  source: string;
}

/**
 * The environment wins over a profile for each value, so one variable can override a stored key.
 * `--profile` names a profile that must exist; without it the `default` profile is used if present.
 */
export function resolveCredentials(profileName: string | undefined): Credentials {
  const config = readConfig();
  const name = profileName ?? 'default';
  const profile = config.profiles[name];
  if (profileName !== undefined && !profile) {
    throw new UsageError(`No profile "${profileName}" in ${configPath()}: run \`reelkit login --profile ${profileName}\` first.`);
  }
  const p = profile ?? {};
  return {
    creatomate: { apiKey: readEnv('CREATOMATE_API_KEY') ?? p.creatomate_api_key, baseUrl: readEnv('REELKIT_CREATOMATE_URL') ?? p.creatomate_url },
    creatify: {
      apiId: readEnv('CREATIFY_API_ID') ?? p.creatify_api_id,
      apiKey: readEnv('CREATIFY_API_KEY') ?? p.creatify_api_key,
      baseUrl: readEnv('REELKIT_CREATIFY_URL') ?? p.creatify_url,
    },
    source: profile ? `profile "${name}"` : 'environment',
  };
}

const EMULATOR_HINT = 'Or try everything locally: run `reelkit emulator` and use the env lines it prints.';

export function requireCreatomate(c: Credentials): { apiKey: string; baseUrl?: string | undefined } {
  if (!c.creatomate.apiKey) {
    throw new MissingCredentialsError(`No Creatomate API key: set CREATOMATE_API_KEY, or run \`reelkit login --vendor creatomate\`. ${EMULATOR_HINT}`);
  }
  return { apiKey: c.creatomate.apiKey, baseUrl: c.creatomate.baseUrl };
}

export function requireCreatify(c: Credentials): { apiId: string; apiKey: string; baseUrl?: string | undefined } {
  const missing = [c.creatify.apiId ? '' : 'CREATIFY_API_ID', c.creatify.apiKey ? '' : 'CREATIFY_API_KEY'].filter(Boolean);
  if (missing.length) {
    throw new MissingCredentialsError(`No Creatify credentials: set ${missing.join(' and ')}, or run \`reelkit login --vendor creatify\`. ${EMULATOR_HINT}`);
  }
  return { apiId: c.creatify.apiId!, apiKey: c.creatify.apiKey!, baseUrl: c.creatify.baseUrl };
}
