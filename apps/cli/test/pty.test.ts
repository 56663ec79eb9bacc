// `renders create --wait` in a pseudo-terminal (Debian's `script`, no native module): the live
// progress display renders, and Ctrl-C stops waiting with the message and exit 130.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
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
});
