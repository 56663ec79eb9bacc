// realTimer: every per-attempt timeout shares one Node timer (src/clock.ts). Each still fires once, no
// sooner than asked, in deadline order, and never after it was cancelled.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { realTimer } from '../src/clock.js';

describe('realTimer', () => {
  it('fires each timer once, no sooner than its delay, in deadline order, however they were added', async () => {
    const fired: string[] = [];
    const started = performance.now();
    const at = new Map<string, number>();
    const add = (name: string, ms: number) => realTimer(ms, () => (fired.push(name), at.set(name, performance.now() - started)));
    add('slow', 60);
    add('fast', 10); // earlier than the armed deadline: re-arms
    add('mid', 30);
    await sleep(120);
    expect(fired).toEqual(['fast', 'mid', 'slow']);
    expect(at.get('fast')!).toBeGreaterThanOrEqual(9);
    expect(at.get('mid')!).toBeGreaterThanOrEqual(29);
    expect(at.get('slow')!).toBeGreaterThanOrEqual(59);
  });

  it('never fires a cancelled timer, and the others still fire', async () => {
    const fired: string[] = [];
    const cancelA = realTimer(10, () => fired.push('a'));
    realTimer(20, () => fired.push('b'));
    const cancelC = realTimer(5, () => fired.push('c'));
    cancelA();
    cancelC();
    cancelC(); // twice is harmless
    await sleep(60);
    expect(fired).toEqual(['b']);
  });

  it('handles thousands of overlapping timers, cancelling most as requests finish', async () => {
    let fired = 0;
    const cancels = Array.from({ length: 5000 }, (_, i) => realTimer(5 + (i % 20), () => fired++));
    for (let i = 0; i < cancels.length; i++) if (i % 10 !== 0) cancels[i]!();
    await sleep(80);
    expect(fired).toBe(500);
  });

  it('does not keep the process alive once nothing is pending', async () => {
    const { spawnSync } = await import('node:child_process');
    const { pathToFileURL } = await import('node:url');
    // The built module (turbo builds core before its tests): a plain node child cannot load TypeScript on Node 20.
    const src = new URL('../dist/clock.js', import.meta.url);
    // A child process with only a cancelled 60 s timer must exit at once; a pending one keeps it alive until it fires.
    const script = `import(${JSON.stringify(pathToFileURL(src.pathname).href)}).then(({ realTimer }) => { realTimer(60000, () => {})(); realTimer(50, () => console.log('fired')); });`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout.trim()).toBe('fired');
    expect(result.status).toBe(0);
  });
});
