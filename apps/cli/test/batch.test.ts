// `renders batch` end to end: checks before sending, resume from the ledger, and the SIGKILL test.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { captured, harness, MAIN, TEST_KEY, type Harness } from './helpers.js';

type Render = { id: string; metadata?: string | null };
type Report = { batchId: string; summary: Record<string, number>; rows: { row: number; key: string; status: string; render_ids: string[] }[] };

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: 'batch-tests' });
});
afterAll(async () => {
  await h.close();
});

const allRenders = () => h.json<Render[]>(['renders', 'list', '--limit', '100']);
const csv = (name: string, rows: string[]) => {
  const file = join(h.dir, name);
  writeFileSync(file, ['name,price', ...rows].join('\n') + '\n');
  return file;
};
const MAP = ['--map', 'Product-Name={{name}}', '--map', 'price={{price}}'];

describe('reelkit renders batch', { timeout: 120_000 }, () => {
  it('checks every row before the first request and reports all bad rows at once, with row and column', async () => {
    const before = (await allRenders()).length;
    const data = csv('bad.csv', ['Good,$1', 'Also good,$2', 'Third,$3']);
    const r = await h.cli(['renders', 'batch', '--template', T.productCard, '--data', data, '--map', 'Product-Nme={{name}}', '--map', 'price={{prce}}']);
    expect(r.code).toBe(2);
    for (const row of [1, 2, 3]) {
      expect(r.stderr).toContain(`row ${row}, column prce (price): no column "prce"`);
      expect(r.stderr).toContain(`row ${row}, column name (Product-Nme): 'Product-Nme' matches no element`);
    }
    expect(r.stderr).toContain("did you mean 'Product-Name'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await allRenders()).length).toBe(before);
  });

  it('submits JSONL rows, keeping a whole-cell value’s JSON type', async () => {
    const data = join(h.dir, 'rows.jsonl');
    writeFileSync(data, [{ name: 'Boot', price: '$9' }, { name: 'Sock', price: '$2' }].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = await h.cli(['--json', 'renders', 'batch', '--template', T.productCard, '--data', data, ...MAP, '--wait']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect((JSON.parse(r.stdout) as Report).summary).toMatchObject({ succeeded: 2, total: 2 });
  });

  it('re-running a finished batch submits nothing and prints the same summary', async () => {
    const data = csv('again.csv', ['A,$1', 'B,$2', 'C,$3']);
    const args = ['--json', 'renders', 'batch', '--template', T.productCard, '--data', data, ...MAP, '--wait'];
    const first = await h.cli(args);
    expect(first.code, first.stderr).toBe(0);
    const count = (await allRenders()).length;
    const second = await h.cli(args);
    expect(second.code).toBe(0);
    const [a, b] = [JSON.parse(first.stdout) as Report, JSON.parse(second.stdout) as Report];
    expect(b.summary).toEqual(a.summary);
    expect(b.rows.map((r) => r.render_ids)).toEqual(a.rows.map((r) => r.render_ids));
    expect((await allRenders()).length).toBe(count);
    const human = await h.cli(args.slice(1));
    expect(human.stdout).toContain('batch: 3 succeeded of 3 rows');
  });

  it('after SIGKILL mid-batch under a drop fault, a re-run gives every row of 60 exactly one render and accounts for all 60', async () => {
    await h.emu.faults.add([
      { route: 'createRender', kind: 'drop', probability: 0.2 },
      // Slow enough that the kill lands in the middle.
      { route: 'createRender', kind: 'latency', latencyMs: 40 },
    ]);
    const data = csv('sixty.csv', Array.from({ length: 60 }, (_, i) => `Item ${i + 1},$${i + 1}`));
    const ledger = join(h.dir, 'sixty.ledger.jsonl');
    const args = [MAIN, '--json', 'renders', 'batch', '--template', T.productCard, '--data', data, ...MAP, '--ledger', ledger];

    const child = spawn(process.execPath, args, { env: h.env, stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        const lines = existsSync(ledger) ? readFileSync(ledger, 'utf8').split('\n').length : 0;
        if (lines >= 30) {
          clearInterval(check);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    const killed = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    expect(killed).toBe('SIGKILL');
    const partial = (await allRenders()).filter((r) => r.metadata?.startsWith('reelkit-batch:')).length;

    const rerun = await h.cli(args.slice(1));
    await h.emu.faults.clear();
    const report = JSON.parse(rerun.stdout) as Report;
    const counts = report.summary;
    expect(counts.total).toBe(60);
    // Drops are answered by a metadata search (this run's, or the re-run's reconcile): none stays unknown.
    expect(counts).toMatchObject({ submitted: 60, unknown: 0, rejected: 0 });
    expect(rerun.code).toBe(0);

    // Count by metadata on the emulator: each row's tag exactly once.
    const tags = (await allRenders()).map((r) => r.metadata).filter((m): m is string => m?.startsWith(`reelkit-batch:${report.batchId}:`) === true);
    const perRow = new Map<string, number>();
    for (const t of tags) perRow.set(t, (perRow.get(t) ?? 0) + 1);
    expect([...perRow].filter(([, n]) => n !== 1), 'rows with more than one render').toEqual([]);
    expect(perRow.size).toBe(60);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(60);
    expect(readFileSync(ledger, 'utf8')).not.toContain(TEST_KEY);
  });

  it('never wrote the test key to any output or ledger', () => {
    for (const text of captured) expect(text).not.toContain(TEST_KEY);
    for (const f of ['again.csv.reelkit-ledger.jsonl', 'rows.jsonl.reelkit-ledger.jsonl']) expect(readFileSync(join(h.dir, f), 'utf8')).not.toContain(TEST_KEY);
  });
});
