import { Command } from 'commander';
import { CREATIFY_DEFAULT_BASE_URL, CREATOMATE_DEFAULT_BASE_URL, readEnv, resolveLogLevel, specs } from '@reelkit/core';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the `reelkit` command. `out` receives everything printed, so tests can read it. */
export function createProgram(out: (line: string) => void = (line) => process.stdout.write(line + '\n')): Command {
  const program = new Command('reelkit')
    .description('Creatomate and Creatify from the terminal')
    .version(version, '-v, --version', 'print the reelkit version')
    .configureOutput({ writeOut: (s) => out(s.trimEnd()) });

  program
    .command('doctor')
    .description('print the built-in API specs and how reelkit is configured')
    .action(() => {
      out(`reelkit ${version} (node ${process.version})`);
      out('built-in specs:');
      for (const [vendor, s] of Object.entries(specs)) {
        out(`  ${vendor.padEnd(11)} ${s.title} ${s.version} (OpenAPI ${s.openapi}, ${s.operations} operations, sha256 ${s.sha256.slice(0, 12)})`);
      }
      // What a client built from the environment would use. Keys are reported as set or not: never their value.
      out('configuration:');
      const keys = (...names: string[]) => names.map((n) => `${n} ${readEnv(n) ? 'set' : 'not set'}`).join(', ');
      const url = (name: string, fallback: string) => (readEnv(name) ? `${readEnv(name)} (${name})` : `${fallback} (default)`);
      out(`  creatomate  ${url('REELKIT_CREATOMATE_URL', CREATOMATE_DEFAULT_BASE_URL)}; ${keys('CREATOMATE_API_KEY')}`);
      out(`  creatify    ${url('REELKIT_CREATIFY_URL', CREATIFY_DEFAULT_BASE_URL)}; ${keys('CREATIFY_API_ID', 'CREATIFY_API_KEY')}`);
      // The level core resolves (an unknown REELKIT_LOG falls back to warn, with core's warning on stderr).
      out(`  log level   ${resolveLogLevel(undefined)}${readEnv('REELKIT_LOG') ? ' (REELKIT_LOG)' : ' (default)'}`);
    });
  return program;
}
