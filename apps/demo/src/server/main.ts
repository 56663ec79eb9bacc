#!/usr/bin/env node
// `pnpm demo [--port P] [--host H]`: the demo server with the embedded emulator (or the real
// services when keys or base URLs are set), until Ctrl-C.
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, PortInUseError, startDemo } from './start.js';

const HELP = `Usage: pnpm demo [--port <n>] [--host <addr>]

  --port <n>     port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <addr>  interface (default 127.0.0.1)

With no CREATOMATE_API_KEY / CREATIFY_API_ID / CREATIFY_API_KEY / REELKIT_*_URL set, the demo
starts the reelkit emulator in-process and needs no keys.
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`reelkit demo: ${message}\n`);
  process.exit(code);
}

function options(): { port: number; host: string } {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  return { port, host: values.host ?? '127.0.0.1' };
}

async function main(): Promise<void> {
  const started = performance.now();
  const demo = await startDemo(options()).catch((error: unknown) => {
    if (error instanceof PortInUseError) fail(error.message, 1);
    throw error;
  });
  const services = demo.emulator ? `the embedded emulator (${demo.emulator.url}); no keys needed` : 'the services named by your environment';
  console.log(`reelkit demo listening on ${demo.url} in ${Math.round(performance.now() - started)} ms, talking to ${services}`);
  console.log(`Open ${demo.url} in a browser. Ctrl-C stops it.`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
