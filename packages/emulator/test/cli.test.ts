import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { zError } from '@reelkit/core/creatomate';

// Runs the built CLI (turbo builds the package before its tests).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

function start(args: string[]): Promise<{ url: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*speed/.exec(output);
      if (m) resolve({ url: m[1]!, output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

test('the CLI prints where it listens and only a masked form of the keys, and applies its flags', async () => {
  const { url, output } = await start(['--port', '0', '--keys', 'secret-key-number-one', '--rate-limit', '2/60000', '--faults', 'getTemplate:502:count=1']);
  expect(output).not.toContain('secret-key-number-one');
  expect(output).toContain('secr…ne (21 chars)');
  expect(output).toMatch(/2 requests \/ 60000 ms/);
  const get = (path: string, key: string) => fetch(`${url}/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
  expect((await get('/templates', 'wrong')).status).toBe(401);
  expect((await get('/templates/6c1f3a52-8e0b-4d7a-9a41-2f6b0c9e7d11', 'secret-key-number-one')).status).toBe(502);
  expect((await get('/templates', 'secret-key-number-one')).status).toBe(200); // the 502 counted as the first
  const limited = await get('/templates', 'secret-key-number-one');
  expect(limited.status).toBe(429);
  zError.parse(await limited.json());
});

test('the CLI rejects bad flags with exit code 2 and a usage text', async () => {
  const child = spawn(process.execPath, [cli, '--speed', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise((r) => child.once('exit', r));
  expect(code).toBe(2);
  expect(err).toMatch(/--speed must be a positive number[\s\S]*Usage/);
});
