// `reelkit doctor`: versions, specs, configuration (keys as set / not set, never their values),
// and a live check per configured service: reachable, key accepted (a free GET), rate-limit window.
import { createCreatifyClient, createCreatomateClient, CREATIFY_DEFAULT_BASE_URL, CREATOMATE_DEFAULT_BASE_URL, readEnv, resolveLogLevel, specs } from '@reelkit/core';
import { createTemplates } from '@reelkit/templates';
import { createCreatify } from '@reelkit/creatify';
import type { Context } from '../context.js';
import { describeError, exitCodeFor, ExitWith } from '../errors.js';
import { EXIT } from '../exit-codes.js';

interface Check {
  service: 'creatomate' | 'creatify';
  configured: boolean;
  baseUrl: string;
  ok?: boolean;
  ms?: number;
  rateLimit?: unknown;
  error?: Record<string, unknown>;
  exitCode?: number;
}

async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; error?: unknown }> {
  const start = performance.now();
  try {
    await fn();
    return { ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { ms: Math.round(performance.now() - start), error };
  }
}

export async function doctor(ctx: Context, version: string, opts: { offline?: boolean }): Promise<void> {
  const { out } = ctx;
  const creds = ctx.credentials();
  const source = (envName: string) => (readEnv(envName) ? envName : creds.source.startsWith('profile') ? creds.source : undefined);
  const set = (name: string, value: string | undefined) => `${name} ${value ? `set${source(name) && source(name) !== name ? ` (${source(name)})` : ''}` : 'not set'}`;
  const url = (name: string, value: string | undefined, fallback: string) => (value ? `${value} (${readEnv(name) ? name : creds.source})` : `${fallback} (default)`);

  const checks: Check[] = [
    { service: 'creatomate', configured: Boolean(creds.creatomate.apiKey), baseUrl: creds.creatomate.baseUrl ?? CREATOMATE_DEFAULT_BASE_URL },
    { service: 'creatify', configured: Boolean(creds.creatify.apiId && creds.creatify.apiKey), baseUrl: creds.creatify.baseUrl ?? CREATIFY_DEFAULT_BASE_URL },
  ];
  if (!opts.offline) {
    await Promise.all(
      checks.filter((c) => c.configured).map(async (c) => {
        const request = { signal: ctx.signal, maxRetries: 0, timeoutMs: 10_000 };
        if (c.service === 'creatomate') {
          const client = createCreatomateClient({ apiKey: creds.creatomate.apiKey!, baseUrl: c.baseUrl, logLevel: 'off' });
          const r = await timed(() => createTemplates(client).list({ limit: 1 }, request));
          Object.assign(c, { ms: r.ms, ok: r.error === undefined, rateLimit: client.rateLimit });
          if (r.error !== undefined) Object.assign(c, { error: describeError(r.error), exitCode: exitCodeFor(r.error) });
        } else {
          const client = createCreatifyClient({ apiId: creds.creatify.apiId!, apiKey: creds.creatify.apiKey!, baseUrl: c.baseUrl, logLevel: 'off' });
          const r = await timed(() => createCreatify(client).templates.list(request));
          Object.assign(c, { ms: r.ms, ok: r.error === undefined, rateLimit: client.rateLimit });
          if (r.error !== undefined) Object.assign(c, { error: describeError(r.error), exitCode: exitCodeFor(r.error) });
        }
      }),
    );
  }

  out.data({
    version,
    node: process.version,
    specs,
    credentials: creds.source,
    logLevel: resolveLogLevel(undefined),
    checks: checks.map((c) => ({ ...c })),
  });
  out.line(`reelkit ${version} (node ${process.version})`);
  out.line('built-in specs:');
  for (const [vendor, s] of Object.entries(specs)) {
    out.line(`  ${vendor.padEnd(11)} ${s.title} ${s.version} (OpenAPI ${s.openapi}, ${s.operations} operations, sha256 ${s.sha256.slice(0, 12)})`);
  }
  out.line('configuration:');
  out.line(`  creatomate  ${url('REELKIT_CREATOMATE_URL', creds.creatomate.baseUrl, CREATOMATE_DEFAULT_BASE_URL)}; ${set('CREATOMATE_API_KEY', creds.creatomate.apiKey)}`);
  out.line(`  creatify    ${url('REELKIT_CREATIFY_URL', creds.creatify.baseUrl, CREATIFY_DEFAULT_BASE_URL)}; ${set('CREATIFY_API_ID', creds.creatify.apiId)}, ${set('CREATIFY_API_KEY', creds.creatify.apiKey)}`);
  // The level core resolves (an unknown REELKIT_LOG falls back to warn, with core's warning on stderr).
  out.line(`  log level   ${resolveLogLevel(undefined)}${readEnv('REELKIT_LOG') ? ' (REELKIT_LOG)' : ' (default)'}`);
  if (opts.offline) return;
  out.line('live check:');
  for (const c of checks) {
    if (!c.configured) {
      out.line(`  ${c.service.padEnd(11)} skipped (no credentials)`);
      continue;
    }
    const limit = c.rateLimit && typeof c.rateLimit === 'object' ? c.rateLimit as { requests: number; windowMs: number } : undefined;
    const headroom = limit ? `; client rate limit ${limit.requests} requests / ${limit.windowMs / 1000} s` : '; no client rate limit';
    out.line(c.ok ? `  ${c.service.padEnd(11)} ${out.green('ok')}: reachable, key accepted (${c.ms} ms)${headroom}` : `  ${c.service.padEnd(11)} ${out.red('FAILED')}: ${String(c.error?.message)}`);
  }
  const failed = checks.filter((c) => c.configured && c.ok === false);
  if (failed.length) {
    const code = failed.some((c) => c.exitCode === EXIT.auth) ? EXIT.auth : EXIT.remoteFailure;
    throw new ExitWith(code, `live check failed for ${failed.map((c) => c.service).join(' and ')}`);
  }
}
