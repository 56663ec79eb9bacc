import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileLedger } from '../src/ledger.js';

const open: FileLedger[] = [];
const fresh = (path = join(mkdtempSync(join(tmpdir(), 'reelkit-ledger-')), 'l.jsonl'), opts?: ConstructorParameters<typeof FileLedger>[1]) => {
  const l = new FileLedger(path, opts);
  open.push(l);
  return l;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});
const lines = (l: FileLedger) => readFileSync(l.path, 'utf8').trim().split('\n').map((s) => JSON.parse(s) as { key: string; entry: { state: string } });

describe('FileLedger', () => {
  it('claims an absent key, writes `submitting` to the file before the claim resolves, and refuses a second claim while the lease runs', async () => {
    const l = fresh();
    expect(await l.claim('1', 'me', 60_000)).toEqual({ claimed: true });
    expect(lines(l)).toEqual([{ key: '1', entry: expect.objectContaining({ state: 'submitting', owner: 'me' }) as unknown }]);
    expect(await l.claim('1', 'me', 60_000)).toMatchObject({ claimed: false, entry: { state: 'submitting' } });
  });

  it('keeps settled entries across a reopen, and never hands out a submitted key again', async () => {
    const first = fresh();
    await first.claim('a', 'run-1', 60_000);
    await first.settle('a', { state: 'submitted', at: 1, render_ids: ['r1'] });
    await first.close();
    const again = fresh(first.path);
    expect(await again.get('a')).toEqual({ state: 'submitted', at: 1, render_ids: ['r1'] });
    expect(await again.claim('a', 'run-2', 60_000)).toMatchObject({ claimed: false, entry: { state: 'submitted' } });
    const all: string[] = [];
    for await (const [key] of again.entries()) all.push(key);
    expect(all).toEqual(['a']);
  });

  it('hands a dead run’s `submitting` entry to the next run at once, with `previous` so it is reconciled first', async () => {
    const first = fresh();
    await first.claim('a', 'run-1', 3_600_000);
    await first.close(); // as if the process died before settling
    const again = fresh(first.path);
    expect(await again.claim('a', 'run-2', 60_000)).toMatchObject({ claimed: true, previous: { state: 'submitting', owner: 'run-1' } });
  });

  it('hands a `maybe` entry out again with `previous`', async () => {
    const l = fresh();
    await l.claim('a', 'me', 60_000);
    await l.settle('a', { state: 'maybe', at: 1, reason: 'connection dropped' });
    expect(await l.claim('a', 'me', 60_000)).toMatchObject({ claimed: true, previous: { state: 'maybe' } });
  });

  it('ignores a last line cut short by a crash, but refuses a file with a broken line in the middle', async () => {
    const first = fresh();
    await first.claim('a', 'run-1', 60_000);
    await first.settle('a', { state: 'rejected', at: 1, reason: 'bad' });
    await first.close();
    appendFileSync(first.path, '{"key":"b","entry":{"sta');
    expect(await fresh(first.path).get('a')).toMatchObject({ state: 'rejected' });
    await open.pop()!.close();
    writeFileSync(first.path, 'garbage\n{"key":"a","entry":{"state":"maybe","at":1,"reason":"x"}}\n');
    expect(() => fresh(first.path)).toThrow(/line 1 is not JSON/);
  });

  it('is used by one process at a time, and takes over a lock left by a dead process', () => {
    const l = fresh();
    expect(() => new FileLedger(l.path)).toThrow(/in use by another reelkit \(pid \d+\)/);
    const dead = join(mkdtempSync(join(tmpdir(), 'reelkit-ledger-')), 'l.jsonl');
    writeFileSync(`${dead}.lock`, '2147483646');
    expect(() => fresh(dead)).not.toThrow();
  });

  it('redacts reasons before writing them', async () => {
    const l = fresh(undefined, { redact: (s) => s.replaceAll('sk-secret-123', '***') });
    await l.claim('a', 'me', 60_000);
    await l.settle('a', { state: 'maybe', at: 1, reason: 'failed with key sk-secret-123' });
    expect(readFileSync(l.path, 'utf8')).not.toContain('sk-secret-123');
  });
});
