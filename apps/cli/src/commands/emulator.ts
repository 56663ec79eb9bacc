// `reelkit emulator`: @reelkit/emulator in the foreground, with the env lines to paste.
import { parseFaults, startEmulator, type FaultRule } from '@reelkit/emulator';
import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

function faults(spec: string | undefined): FaultRule[] {
  if (spec === undefined) return [];
  try {
    return parseFaults(spec.startsWith('@') ? readFileSync(spec.slice(1), 'utf8') : spec);
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`);
  }
}

export async function emulator(ctx: Context, opts: { port: number; speed: number; data?: string; faults?: string }): Promise<void> {
  const emu = await startEmulator({ port: opts.port, speed: opts.speed, clock: 'real', faults: faults(opts.faults), ...(opts.data ? { data: opts.data } : {}) });
  const env = {
    REELKIT_CREATOMATE_URL: emu.creatomateUrl,
    REELKIT_CREATIFY_URL: emu.creatifyUrl,
    CREATOMATE_API_KEY: 'emulator-key',
    CREATIFY_API_ID: 'emulator-id',
    CREATIFY_API_KEY: 'emulator-key',
  };
  ctx.out.data({ url: emu.url, creatomateUrl: emu.creatomateUrl, creatifyUrl: emu.creatifyUrl, port: emu.port, env });
  ctx.out.line(`reelkit emulator listening on ${emu.url} (speed ${opts.speed}×${opts.data ? `, data in ${opts.data}` : ', in memory'})`);
  ctx.out.line(`  Creatomate  ${emu.creatomateUrl}`);
  ctx.out.line(`  Creatify    ${emu.creatifyUrl}`);
  ctx.out.line('Paste into another shell (the emulator accepts any non-empty key):');
  for (const [k, v] of Object.entries(env)) ctx.out.line(`  export ${k}=${v}`);
  ctx.out.line('Ctrl-C stops it.');
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emu.close();
  // Stopping a foreground server with Ctrl-C is its normal end.
  process.exitCode = 0;
}
