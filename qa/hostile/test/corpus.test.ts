// The hostile-input corpus (issue 11), run case by case: each file under cases/ is a list of cases
// (see harness.ts for the format). A case marked `pending: "<branch>"` waits for that branch's fix:
// it runs as an expected failure (so it turns red the day it passes and the mark can go) and is
// counted apart. A summary line ends the run.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startEmulator, type Emulator } from '@reelkit/emulator';
import { CF_CREDS, KEY, countingProxy, runHttpCase, runSdkCase, type Case, type Outcome } from './harness.js';

const dir = new URL('../cases/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const corpus = files.map((file) => ({ file, cases: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Case[] }));

/** The emulator with an allow-list, for the keys cases: a wrong key must never be echoed. */
const ACCEPTED_KEY = 'the-only-accepted-key-0123456789';

let sdkEmu: Emulator;
let httpEmu: Emulator;
let keysEmu: Emulator;
let proxy: Awaited<ReturnType<typeof countingProxy>>;
const logged: string[] = [];
const tally = { passed: 0, failed: 0, pending: 0, pendingNowPassing: [] as string[] };

beforeAll(async () => {
  for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    });
  }
  sdkEmu = await startEmulator({ port: 0, clock: 'manual', rateLimit: false });
  httpEmu = await startEmulator({ port: 0, clock: 'manual', rateLimit: false });
  keysEmu = await startEmulator({ port: 0, clock: 'manual', rateLimit: false, keys: [ACCEPTED_KEY] });
  proxy = await countingProxy(sdkEmu.url);
});

afterAll(async () => {
  await proxy.close();
  await Promise.all([sdkEmu.close(), httpEmu.close(), keysEmu.close()]);
  const total = corpus.reduce((n, f) => n + f.cases.length, 0);
  console.log(
    `hostile corpus: ${total} cases — ${tally.passed} passed, ${tally.failed} failed, ${tally.pending} pending a branch's fix` +
      (tally.pendingNowPassing.length ? ` (now passing, remove the mark: ${tally.pendingNowPassing.join(', ')})` : ''),
  );
});

/** Every secret a case could leak, as given and trimmed. */
function secretsOf(c: Case): string[] {
  const keys = [KEY, CF_CREDS.key, c.http?.key, c.http?.creatify?.key].filter((k): k is string => typeof k === 'string' && k.trim().length >= 3);
  return [...new Set(keys.flatMap((k) => [k, k.trim()]))];
}

async function run(c: Case): Promise<Outcome> {
  if (c.target === 'http' || c.target === 'http-keys') {
    const emu = c.target === 'http-keys' ? keysEmu : httpEmu;
    const before = logged.length;
    const out = await runHttpCase(c, emu);
    // Keys: the emulator's answers and logs never echo a key.
    for (const secret of secretsOf(c)) {
      if (out.text.includes(secret) || out.headers.includes(secret)) out.problems.push('the answer echoes a key');
      if (logged.slice(before).some((line) => line.includes(secret))) out.problems.push('the emulator logged a key');
    }
    // Whatever one request did, the emulator still answers another tenant.
    const probe = await fetch(`${emu.creatomateUrl}/renders?limit=1`, { headers: { authorization: `Bearer ${c.target === 'http-keys' ? ACCEPTED_KEY : 'another-tenant-key'}` } });
    if (probe.status !== 200) out.problems.push(`another tenant now gets ${probe.status}`);
    return { ...out, ok: out.problems.length === 0 };
  }
  return runSdkCase(c, proxy);
}

for (const { file, cases } of corpus) {
  describe(file, () => {
    for (const c of cases) {
      if (c.pending) {
        test.fails(`${c.id} (pending ${c.pending})`, async () => {
          tally.pending++;
          const out = await run(c);
          if (out.ok) tally.pendingNowPassing.push(c.id);
          expect(out.problems, out.seen).toEqual([]);
        });
      } else {
        test(c.id, async () => {
          const out = await run(c);
          if (out.ok) tally.passed++;
          else tally.failed++;
          expect(out.problems, out.seen).toEqual([]);
        });
      }
    }
  });
}

test('the corpus holds at least 80 cases, each with a unique id, a target and an expectation', () => {
  const all = corpus.flatMap((f) => f.cases);
  expect(all.length).toBeGreaterThanOrEqual(80);
  expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  for (const c of all) expect(Object.keys(c.expect).length, c.id).toBeGreaterThan(0);
});
