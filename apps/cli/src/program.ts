import { Command } from 'commander';
import { specs } from '@reelkit/core';
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
    });
  return program;
}
