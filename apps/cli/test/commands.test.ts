// Every command of the built CLI, in --json and human mode, against one emulator (real clock, 500×).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATIFY_TEMPLATE_IDS as CF, CREATOMATE_TEMPLATE_IDS as T } from '@reelkit/emulator';
import { signWebhookUrl } from '@reelkit/renders/webhooks';
import { captured, harness, MAIN, startEmulatorProcess, TEST_ID, TEST_KEY, type Harness } from './helpers.js';

type Render = { id: string; status: string; url?: string | null; metadata?: string | null; error_message?: string | null };
type Job = { id: string; status: string; credits_used: number; preview?: string | null; video_output?: string | null };

let h: Harness;
beforeAll(async () => {
  h = await harness({ keys: [TEST_KEY, `${TEST_ID}:${TEST_KEY}`] });
});
afterAll(async () => {
  await h.close();
});

const NO_CREDENTIALS = { CREATOMATE_API_KEY: '', CREATIFY_API_ID: '', CREATIFY_API_KEY: '', REELKIT_CREATOMATE_URL: '', REELKIT_CREATIFY_URL: '' };

describe('reelkit commands against the emulator', { timeout: 60_000 }, () => {
  describe('help and usage', () => {
    it('documents the exit codes in --help', async () => {
      const r = await h.cli(['--help']);
      expect(r.code).toBe(0);
      for (const line of ['0    ok', '2    usage or validation error', '3    authentication', '4    not found', '5    rate limited', '6    outcome unknown', '130  interrupted']) expect(r.stdout).toContain(line);
    });

    it('shows examples in the help of a command', async () => {
      const r = await h.cli(['renders', 'create', '--help']);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain('--no-check');
    });

    it('exits 2 on an unknown command, with JSON on stderr under --json', async () => {
      const text = await h.cli(['nope']);
      expect(text.code).toBe(2);
      const json = await h.cli(['--json', 'nope']);
      expect(json.code).toBe(2);
      expect(json.stdout).toBe('');
      expect(JSON.parse(json.stderr)).toMatchObject({ error: { name: 'UsageError', exitCode: 2 } });
    });

    it('exits 2 for a bad option value or a missing subcommand, with JSON on stderr under --json', async () => {
      const limit = await h.cli(['renders', 'list', '--limit', 'abc']);
      expect(limit.code).toBe(2);
      expect(limit.stderr).toContain('--limit must be an integer');
      const json = await h.cli(['--json', 'renders', 'list', '--limit', 'abc']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stderr)).toMatchObject({ error: { name: 'UsageError', message: expect.stringContaining('--limit must be an integer') as unknown } });
      const both = await h.cli(['renders', 'create', '--template', T.productCard, '--source', 'x.json']);
      expect(both.code).toBe(2);
      expect((await h.cli(['renders'])).code).toBe(2);
    });

    it('says exactly what to set, and mentions the emulator, when there are no credentials', async () => {
      const r = await h.cli(['renders', 'list'], { env: NO_CREDENTIALS });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('CREATOMATE_API_KEY');
      expect(r.stderr).toContain('reelkit emulator');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('prints a bash completion script and completes subcommands', async () => {
      const script = await h.cli(['complete', 'bash']);
      expect(script.code).toBe(0);
      expect(script.stdout).toContain('reelkit');
      expect((await h.cli(['complete', 'zsh'])).stdout).toContain('compdef');
      const suggestions = await h.cli(['complete', '--', 'renders', '']);
      expect(suggestions.stdout).toContain('create');
      expect(suggestions.stdout).toContain('batch');
    });
  });

  describe('templates', () => {
    it('lists templates as JSON and as a table, filtered by tags', async () => {
      const list = await h.json<{ id: string }[]>(['templates', 'list', '--tags', 'ecommerce']);
      expect(list.map((t) => t.id)).toEqual([T.productCard]);
      const table = await h.cli(['templates', 'list', '--limit', '2']);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/│ id\s+│ name/);
      expect(table.stdout).not.toContain('\u001b[');
    });

    it('gets one template with its source in --json', async () => {
      const t = await h.json<{ id: string; source: unknown }>(['templates', 'get', T.productCard]);
      expect(t.id).toBe(T.productCard);
      expect(t.source).toBeTypeOf('object');
    });

    it('inspects the addressable elements and placeholders', async () => {
      const json = await h.json<{ placeholders: { name: string }[]; elements: { name: string }[] }>(['templates', 'inspect', T.productCard]);
      expect(json.placeholders.map((p) => p.name)).toEqual(['price']);
      const human = await h.cli(['templates', 'inspect', T.productCard]);
      expect(human.stdout).toMatch(/Product-Name\s+│ text\s+│ text/);
      expect(human.stdout).toContain('{{price}}');
    });

    it('pulls the typed-templates module into a file', async () => {
      const out = join(h.dir, 'templates.gen.ts');
      const r = await h.cli(['templates', 'pull', '--out', out, '--tags', 'ecommerce']);
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain(T.productCard);
      expect(r.stdout).toContain('(1 template)');
    });

    it('exits 4 for a template that does not exist', async () => {
      const r = await h.cli(['templates', 'get', '00000000-0000-4000-8000-000000000000']);
      expect(r.code).toBe(4);
    });
  });

  describe('renders', () => {
    it('creates a render (JSON: the planned renders) and gets, lists and deletes it', async () => {
      const [created] = await h.json<Render[]>(['renders', 'create', '--template', T.productCard, '--modify', 'price=$5', '--metadata', 'crud-test']);
      // Planned when created; at 500× it may have moved on by the time the process printed it.
      expect(created!.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await h.json<Render>(['renders', 'get', created!.id])).metadata).toBe('crud-test');
      expect((await h.json<Render[]>(['renders', 'list', '--template', T.productCard])).some((r) => r.id === created!.id)).toBe(true);
      const human = await h.cli(['renders', 'get', created!.id]);
      expect(human.stdout).toContain(created!.id);
      expect((await h.cli(['renders', 'delete', created!.id])).stdout).toContain(`deleted ${created!.id}`);
      expect((await h.cli(['renders', 'get', created!.id])).code).toBe(4);
    });

    it('--wait without a TTY prints plain status lines and the finished render; --download saves it', async () => {
      const dir = join(h.dir, 'downloads');
      const r = await h.cli(['renders', 'create', '--template', T.productCard, '--modify', 'Product-Name=Boot', '--wait', '--download', dir]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/render [0-9a-f-]{36}: succeeded/);
      expect(r.stderr).not.toContain('\u001b[');
      const saved = /saved (\S+)/.exec(r.stdout)![1]!;
      expect(statSync(saved).size).toBeGreaterThan(0);
    });

    it('exits 1 when the render fails, with the reason', async () => {
      const r = await h.cli(['renders', 'create', '--template', T.alwaysFails, '--wait', '--no-check']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('fails on purpose');
    });

    it('waits for existing renders with `renders wait` and downloads one with `renders download`', async () => {
      const created = await h.json<Render[]>(['renders', 'create', '--tags', 'social', '--modify', 'Headline=Hi', '--no-check']);
      expect(created.length).toBeGreaterThan(1);
      const done = await h.json<Render[]>(['renders', 'wait', ...created.map((r) => r.id)]);
      expect(done.map((r) => r.status)).toEqual(created.map(() => 'succeeded'));
      const out = join(h.dir, 'one.bin');
      const dl = await h.json<{ path: string; bytes: number }>(['renders', 'download', created[0]!.id, '--out', out]);
      expect(dl.path).toBe(out);
      expect(statSync(out).size).toBe(dl.bytes);
    });

    it('reports an output URL that cannot be fetched as a remote failure (exit 1), not a stack trace', async () => {
      // A node:http stand-in for the API: the render succeeded, but its file's host is down.
      const id = '0c9a4f1e-1111-4222-8333-444455556666';
      const api = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, status: 'succeeded', url: 'http://127.0.0.1:9/gone.mp4' })));
      await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
      try {
        const r = await h.cli(['renders', 'download', id], { env: { REELKIT_CREATOMATE_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1` } });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`Downloading ${id} failed`);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      } finally {
        api.close();
      }
    });

    it('names an unknown modification key with the suggestion, and sends nothing (exit 2)', async () => {
      const before = (await h.json<Render[]>(['renders', 'list', '--limit', '100'])).length;
      const r = await h.cli(['renders', 'create', '--template', T.productCard, '--modify', 'Product-Nme=X']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("'Product-Nme'");
      expect(r.stderr).toContain("did you mean 'Product-Name'");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect((await h.json<Render[]>(['renders', 'list', '--limit', '100'])).length).toBe(before);
    });

    it('reports a malformed --modify and an invalid UUID as usage errors naming the argument', async () => {
      const modify = await h.cli(['renders', 'create', '--template', T.productCard, '--modify', 'justtext']);
      expect(modify.code).toBe(2);
      expect(modify.stderr).toContain('--modify "justtext" must be Name=value');
      const id = await h.cli(['--json', 'renders', 'create', '--template', 'not-a-uuid']);
      expect(id.code).toBe(2);
      expect(JSON.parse(id.stderr)).toMatchObject({ error: { name: 'UsageError', message: expect.stringContaining('--template must be a UUID') as unknown } });
      const get = await h.cli(['renders', 'get', '1234']);
      expect(get.stderr).toContain('<id> must be a UUID');
    });

    it('refuses --webhook local unless the API is on this machine', async () => {
      const r = await h.cli(['renders', 'create', '--template', T.productCard, '--webhook', 'local'], { env: { REELKIT_CREATOMATE_URL: 'https://api.creatomate.com/v1' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--webhook local only works against the emulator');
    });

    it('exits 6 when the submission may have reached the server (dropped connection), and says to look first', async () => {
      await h.emu.faults.add({ route: 'createRender', kind: 'drop', count: 1 });
      const r = await h.cli(['--json', 'renders', 'create', '--template', T.productCard, '--metadata', 'dropped-once']);
      expect(r.code).toBe(6);
      expect(JSON.parse(r.stderr)).toMatchObject({ error: { maybeSubmitted: true, exitCode: 6 } });
    });

    it('--debug logs the requests on stderr with the key redacted, and shows a stack trace on error', async () => {
      const ok = await h.cli(['--debug', 'renders', 'list', '--limit', '1']);
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain('[debug]');
      expect(ok.stderr).not.toContain(TEST_KEY);
      const failed = await h.cli(['--debug', 'renders', 'get', '00000000-0000-4000-8000-000000000000']);
      expect(failed.code).toBe(4);
      expect(failed.stderr).toMatch(/\n\s+at /);
    });

    it('exits 3 when the key is refused', async () => {
      const r = await h.cli(['renders', 'list'], { env: { CREATOMATE_API_KEY: 'sk-wrong-key-000000' } });
      expect(r.code).toBe(3);
    });

    it('exits 5 when still rate limited after retries', async () => {
      const tight = await startEmulatorProcess({ rateLimit: '1/120000' });
      try {
        const env = { REELKIT_CREATOMATE_URL: tight.creatomateUrl };
        expect((await h.cli(['renders', 'list'], { env })).code).toBe(0);
        const r = await h.cli(['renders', 'list'], { env });
        expect(r.code).toBe(5);
      } finally {
        await tight.close();
      }
    });
  });

  describe('creatify', () => {
    const showcase = ['--template', CF.productShowcase, '--var', 'product_name=Sneaker', '--var', 'product_image=https://cdn.example.com/s.jpg'];

    it('lists templates and shows one with its variables', async () => {
      const list = await h.json<{ template_id: string }[]>(['creatify', 'templates', 'list']);
      expect(list.map((t) => t.template_id)).toContain(CF.productShowcase);
      const human = await h.cli(['creatify', 'templates', 'get', CF.productShowcase]);
      expect(human.stdout).toMatch(/product_image\s+│ image\s+│ yes/);
    });

    it('creates a job, types --var from the template, shows the estimate, and waits for the video', async () => {
      const r = await h.cli(['creatify', 'jobs', 'create', ...showcase, '--wait']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/estimate: \d+ credits \(/);
      expect(r.stderr).toMatch(/job [0-9a-f-]{36}: done/);
      const job = await h.json<Job>(['creatify', 'jobs', 'create', ...showcase]);
      expect((await h.json<Job>(['creatify', 'jobs', 'get', job.id])).id).toBe(job.id);
    });

    it('refuses a job above --max-credits when not interactive, before sending anything', async () => {
      const r = await h.cli(['creatify', 'jobs', 'create', ...showcase, '--max-credits', '1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('above --max-credits 1');
      expect(r.stderr).toContain('Not sent');
    });

    it('previews synchronously, or asynchronously then waits, and renders the previewed job', async () => {
      const sync = await h.json<Job>(['creatify', 'jobs', 'preview', ...showcase]);
      expect(sync.preview).toBeTruthy();
      const started = await h.json<Job>(['creatify', 'jobs', 'preview', ...showcase, '--async']);
      const previewed = await h.json<Job>(['creatify', 'jobs', 'wait', started.id]);
      expect(previewed.status).toBe('done');
      const rendered = await h.json<Job>(['creatify', 'jobs', 'render', started.id, '--wait']);
      expect(rendered.video_output).toBeTruthy();
    });

    it('estimates from --seconds and from the job input, carrying the assumption', async () => {
      const seconds = await h.json<{ credits: number }>(['creatify', 'estimate', '--seconds', '61', '--model', 'standard', '--operation', 'create']);
      expect(seconds.credits).toBe(15);
      const fromInput = await h.json<{ credits: number; assumption: { spokenWords: number; wordsPerSecond: number } }>([
        'creatify', 'estimate', '--template', CF.testimonial, '--var', 'quote=one two three four five', '--model', 'aurora_v1', '--words-per-second', '1',
      ]);
      expect(fromInput.assumption).toMatchObject({ spokenWords: 5, wordsPerSecond: 1 });
      expect(fromInput.credits).toBe(5);
      const human = await h.cli(['creatify', 'estimate', '--seconds', '10', '--model', 'aurora_v1_fast']);
      expect(human.stdout).toContain('5 credits for create with aurora_v1_fast');
    });

    it('reports an invalid job id as a usage error naming the argument', async () => {
      const r = await h.cli(['creatify', 'jobs', 'get', 'nope']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('<id> must be a UUID');
    });
  });

  describe('doctor', () => {
    it('checks both services live: reachable and key accepted', async () => {
      const r = await h.cli(['doctor']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/creatomate\s+ok: reachable, key accepted/);
      expect(r.stdout).toMatch(/creatify\s+ok: reachable, key accepted/);
      const json = await h.json<{ checks: { service: string; ok: boolean }[] }>(['doctor']);
      expect(json.checks.map((c) => c.ok)).toEqual([true, true]);
    });

    it('exits 3 when a key is refused and 1 when a service is unreachable', async () => {
      expect((await h.cli(['doctor'], { env: { CREATOMATE_API_KEY: 'sk-refused-123456' } })).code).toBe(3);
      const closed = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const port = (s.address() as AddressInfo).port;
          s.close(() => resolve(port));
        });
      });
      const r = await h.cli(['doctor'], { env: { REELKIT_CREATIFY_URL: `http://127.0.0.1:${closed}` } });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/creatify\s+FAILED/);
    });
  });

  describe('login and profiles', () => {
    it('stores a key read from stdin in a 0600 profile, and uses it with --profile', async () => {
      const login = await h.cli(['--profile', 'ci', 'login'], { input: `${TEST_KEY}\n` });
      expect(login.code).toBe(0);
      const file = join(h.env.REELKIT_CONFIG_DIR!, 'config.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const list = await h.cli(['--profile', 'ci', 'renders', 'list', '--limit', '1'], { env: { CREATOMATE_API_KEY: '' } });
      expect(list.code).toBe(0);
      expect((await h.cli(['--profile', 'missing', 'renders', 'list'])).stderr).toContain('No profile "missing"');
    });
  });

  describe('webhooks listen', () => {
    it('prints each delivery, forwards it, and stops on Ctrl-C with exit 0', async () => {
      const forwarded: string[] = [];
      const target = createServer((req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          forwarded.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
      const child = spawn(process.execPath, [MAIN, 'webhooks', 'listen', '--port', '0', '--forward-to', `http://127.0.0.1:${(target.address() as AddressInfo).port}`], { env: h.env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const port = await new Promise<number>((resolve) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
          if (m) resolve(Number(m[1]));
        });
      });
      const render = { id: '0c9a4f1e-1111-4222-8333-444455556666', status: 'succeeded', url: 'https://example.com/x.mp4' };
      const res = await fetch(`http://127.0.0.1:${port}/hooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(render) });
      expect(res.status).toBe(204);
      const code = await new Promise<number | null>((resolve) => {
        child.on('close', resolve);
        child.kill('SIGINT');
      });
      target.close();
      captured.push(stdout, stderr);
      expect(code).toBe(0);
      expect(stdout).toContain('/hooks');
      expect(stdout).toContain(render.id);
      expect(stdout).toContain('forwarded: 204');
      expect(JSON.parse(forwarded[0]!)).toEqual(render);
    });
  });

  it('webhooks listen verifies signed URLs when REELKIT_WEBHOOK_SECRET is set', async () => {
    const secret = 'whsec-test-0123456789';
    const child = spawn(process.execPath, [MAIN, 'webhooks', 'listen', '--port', '0'], { env: { ...h.env, REELKIT_WEBHOOK_SECRET: secret } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const port = await new Promise<number>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
        if (m) resolve(Number(m[1]));
      });
    });
    const body = JSON.stringify({ id: '0c9a4f1e-1111-4222-8333-444455556666', status: 'succeeded', url: 'https://example.com/x.mp4' });
    const signed = await signWebhookUrl(`http://127.0.0.1:${port}/signed`, secret, 'order-1');
    await fetch(signed, { method: 'POST', body });
    await fetch(`http://127.0.0.1:${port}/unsigned`, { method: 'POST', body });
    await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGINT');
    });
    captured.push(stdout, stderr);
    expect(stdout).toMatch(/\/signed creatomate \S+ succeeded — signature valid/);
    expect(stdout).toMatch(/\/unsigned creatomate \S+ succeeded — SIGNATURE INVALID/);
    expect(stdout + stderr).not.toContain(secret);
  });

  describe('emulator', () => {
    it('runs in the foreground, prints the base URLs and env lines, and stops on Ctrl-C', async () => {
      const child = spawn(process.execPath, [MAIN, '--json', 'emulator', '--port', '0', '--speed', '10'], { env: h.env });
      let stdout = '';
      const info = await new Promise<{ creatomateUrl: string; env: Record<string, string> }>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          try {
            resolve(JSON.parse(stdout) as { creatomateUrl: string; env: Record<string, string> });
          } catch {
            // not the whole document yet
          }
        });
      });
      expect(info.env.REELKIT_CREATOMATE_URL).toBe(info.creatomateUrl);
      const res = await fetch(`${info.creatomateUrl}/templates`, { headers: { authorization: 'Bearer any-key' } });
      expect(res.status).toBe(200);
      const code = await new Promise<number | null>((resolve) => {
        child.on('close', resolve);
        child.kill('SIGINT');
      });
      expect(code).toBe(0);
    });
  });

  it('never printed the test key, in any output of this file', () => {
    expect(captured.length).toBeGreaterThan(20);
    for (const text of captured) expect(text).not.toContain(TEST_KEY);
    expect(existsSync(join(h.dir, 'config'))).toBe(true);
  });
});
