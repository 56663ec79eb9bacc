#!/usr/bin/env node
// Entry point: parse, run, and turn any error into a message (JSON with --json) and an exit code.
// Ctrl-C aborts the running command's signal (it says what keeps running remotely); a second one exits.
import { CommanderError } from '@commander-js/extra-typings';
import { EXIT } from './exit-codes.js';
import { createProgram } from './program.js';

const argv = process.argv;
const json = argv.includes('--json');
const debug = argv.includes('--debug');

// A closed pipe (`reelkit … | head`) ends the command quietly, as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  interrupt.abort();
});

// With --json commander's own messages would be text on stderr: they are reported below as JSON instead.
const program = createProgram({ signal: interrupt.signal, quietErrors: json });

try {
  await program.parseAsync(argv);
  if (interrupt.signal.aborted && process.exitCode === undefined) process.exitCode = EXIT.interrupted;
} catch (error) {
  process.exitCode = await report(error);
}

async function report(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // Help shown because no subcommand was given (`reelkit renders`): a usage error.
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (json) process.stderr.write(JSON.stringify({ error: { name: 'UsageError', message: error.message.replace(/^error: /, ''), exitCode: EXIT.usage } }) + '\n');
    return EXIT.usage;
  }
  const { describeError, exitCodeFor } = await import('./errors.js');
  const { redact } = await import('./output.js');
  const code = interrupt.signal.aborted ? EXIT.interrupted : exitCodeFor(error);
  const described = describeError(error);
  if (json) {
    process.stderr.write(redact(JSON.stringify({ error: { ...described, exitCode: code } })) + '\n');
  } else {
    const lines = [`reelkit: ${String(described.message)}`];
    const { hint, requestId } = described;
    if (typeof hint === 'string') lines.push(`  hint: ${hint}`);
    if (typeof requestId === 'string') lines.push(`  request id: ${requestId}`);
    if (debug && error instanceof Error && error.stack) lines.push(error.stack);
    process.stderr.write(redact(lines.join('\n')) + '\n');
  }
  return code;
}
