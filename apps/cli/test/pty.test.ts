// `renders create --wait` in a pseudo-terminal (Debian's `script`, no native module): the live
// progress display renders, and Ctrl-C stops waiting with the message and exit 130.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATIFY_TEMPLATE_IDS as CF, CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { harness, MAIN, TEST_KEY, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  // Slow lifecycle: the render is still running when Ctrl-C arrives.
  h = await harness({ speed: 0.05 });
});
afterAll(async () => {
  await h.close();
});

describe('reelkit in a terminal', { timeout: 60_000 }, () => {
  it('shows a live progress display while waiting, and Ctrl-C exits 130 saying the render keeps running', async () => {
    // A sized terminal: with no size some progress libraries redraw forever (apps-toolchain P1).
    const command = `stty cols 100 rows 30; exec ${process.execPath} ${MAIN} renders create --template ${T.productCard} --wait`;
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { env: { ...h.env, TERM: 'xterm-256color' } });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    child.stderr.on('data', (d: Buffer) => (screen += d.toString()));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (/render [0-9a-f-]{36}: planned/.test(screen)) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.stdin.write('\u0003'); // Ctrl-C, turned into SIGINT by the terminal
    });
    expect(code).toBe(130);
    // Redrawn in place (cursor movement), not printed line after line.
    expect(screen).toContain('\u001b[1A');
    expect(screen).toContain('stopped waiting (still running remotely)');
    expect(screen).toMatch(/The renders keep running remotely; wait for them again with:\s+reelkit renders wait [0-9a-f-]{36}/);
    expect(screen).not.toContain(TEST_KEY);
  });

  it('asks before a job above --max-credits, and sends nothing when the answer is no', async () => {
    const command = `stty cols 100 rows 30; exec ${process.execPath} ${MAIN} creatify jobs create --template ${CF.testimonial} --var quote=Hi --var customer_name=Ann --var spokesperson=a1 --var voice=v1 --max-credits 1`;
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { env: { ...h.env, TERM: 'xterm-256color' } });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (screen.includes('Spend it? [y/N]')) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.stdin.write('n\r');
    });
    expect(code).toBe(2);
    expect(screen).toContain('above --max-credits 1');
    expect(screen).toContain('Not sent.');
  });

  it('Ctrl-C during `renders batch --wait` exits 130, keeps the ledger, and says to run the same command again', async () => {
    const data = join(h.dir, 'slow.csv');
    writeFileSync(data, 'name\nA\nB\n');
    const child = spawn(process.execPath, [MAIN, 'renders', 'batch', '--template', T.productCard, '--data', data, '--map', 'Product-Name={{name}}', '--wait'], { env: h.env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const ledger = `${data}.reelkit-ledger.jsonl`;
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (existsSync(ledger) && readFileSync(ledger, 'utf8').split('"submitted"').length > 2) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGINT');
    });
    expect(code).toBe(130);
    expect(err).toContain('run the same command again to resume');
    expect(existsSync(`${ledger}.lock`)).toBe(false);
  });
});
