#!/usr/bin/env node
// `pnpm emulator` / `node dist/cli.js`: starts the emulator on 127.0.0.1 until Ctrl-C.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { maskKey } from './engine.js';
import { parseFaults, type FaultRule } from './faults.js';
import { startEmulator } from './server.js';

const HELP = `Usage: reelkit-emulator [options]

  --port <n>          port on 127.0.0.1 (default 4010; 0 = any free port)
  --host <addr>       interface to listen on (default 127.0.0.1)
  --speed <x>         lifecycle speed multiplier (default 1)
  --seed <s>          reproducible ids and fault draws
  --data <dir>        keep state in <dir> across restarts (default: in memory)
  --faults <spec>     faults: JSON array, @file.json, or route:kind[:p=0.5][:count=1][:ms=300],...
  --keys <k1,k2>      accepted API keys (default: any non-empty key)
  --rate-limit <r>    Creatomate limit per key: N/ms (e.g. 30/10000, the default) or "off"
  --body-limit <n>    largest request body in bytes (default 5242880)
  -h, --help          this help
`;

function fail(message: string): never {
  process.stderr.write(`reelkit-emulator: ${message}\n\n${HELP}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        speed: { type: 'string', default: '1' },
        seed: { type: 'string' },
        data: { type: 'string' },
        faults: { type: 'string' },
        keys: { type: 'string' },
        'rate-limit': { type: 'string' },
        'body-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (err) {
    return fail((err as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
const speed = Number(values.speed);
if (!(speed > 0)) fail(`--speed must be a positive number, got ${values.speed}`);

let rateLimit: false | { requests: number; windowMs: number } | undefined;
if (values['rate-limit'] !== undefined) {
  const spec = values['rate-limit'];
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  if (spec === 'off' || spec === 'false' || spec === '0') rateLimit = false;
  else if (m) rateLimit = { requests: Number(m[1]), windowMs: Number(m[2]) };
  else fail(`--rate-limit must be N/ms (e.g. 30/10000) or off, got ${spec}`);
}

let faults: FaultRule[] = [];
if (values.faults !== undefined) {
  try {
    const spec = values.faults.startsWith('@') ? readFileSync(values.faults.slice(1), 'utf8') : values.faults;
    faults = parseFaults(spec);
  } catch (err) {
    fail(`--faults: ${(err as Error).message}`);
  }
}

const keys = values.keys?.split(',').map((k) => k.trim()).filter(Boolean);
const bodyLimit = values['body-limit'] === undefined ? undefined : Number(values['body-limit']);
if (bodyLimit !== undefined && !(bodyLimit > 0)) fail('--body-limit must be a positive number of bytes');

const emu = await startEmulator({
  port,
  host: values.host,
  clock: 'real',
  speed,
  ...(values.seed !== undefined ? { seed: values.seed } : {}),
  ...(values.data !== undefined ? { data: values.data } : {}),
  ...(keys && keys.length ? { keys } : {}),
  ...(rateLimit !== undefined ? { rateLimit } : {}),
  ...(bodyLimit !== undefined ? { bodyLimit } : {}),
  faults,
});

const limit = emu.state().rateLimit;
process.stdout.write(
  [
    `reelkit emulator listening on ${emu.url}`,
    `  Creatomate  ${emu.creatomateUrl}   (Authorization: Bearer <key>)`,
    `  Creatify    ${emu.creatifyUrl}      (X-API-ID + X-API-KEY)`,
    `  admin       ${emu.url}/__emulator/state`,
    `  keys        ${keys && keys.length ? keys.map(maskKey).join(', ') : 'any non-empty key'}`,
    `  rate limit  ${limit ? `${limit.requests} requests / ${limit.windowMs} ms per Creatomate key (sliding)` : 'off'}`,
    `  speed ${speed}×${values.seed !== undefined ? `, seed ${values.seed}` : ''}${values.data ? `, data in ${values.data}` : ', in-memory'}${faults.length ? `, ${faults.length} fault rule(s)` : ''}`,
    '',
  ].join('\n'),
);

const stop = () => {
  void emu.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
