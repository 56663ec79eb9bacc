import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { operationSchemas as cmOps, zError } from '@reelkit/core/creatomate';
import { zDetailError } from '@reelkit/core/creatify';
import { CREATOMATE_TEMPLATE_IDS as T, parseFaults, type Emulator, type FaultRule, type FaultState } from '../src/index.js';
import { CM_KEY, cf, cm, emulator } from './helpers.js';

const renderBody = { template_id: T.quoteSquare };

async function count(emu: Emulator) {
  return cmOps.listRenders.response.parse((await cm(emu, 'GET', '/renders')).body).length;
}

describe('fault kinds', () => {
  test('500: a vendor-shaped error, nothing processed', async () => {
    const emu = await emulator({ faults: [{ route: 'createRender', kind: '500', count: 1 }] });
    const res = await cm(emu, 'POST', '/renders', renderBody);
    expect(res.status).toBe(500);
    zError.parse(res.body);
    expect(await count(emu)).toBe(0);
    expect((await cm(emu, 'POST', '/renders', renderBody)).status).toBe(202); // count used up
  });

  test('500 on a Creatify route has the DRF {detail} shape', async () => {
    const emu = await emulator({ faults: [{ route: 'GET /api/custom_templates/', kind: '500' }] });
    const res = await cf(emu, 'GET', '/api/custom_templates/');
    expect(res.status).toBe(500);
    zDetailError.parse(res.body);
  });

  test('502: an HTML gateway page, nothing processed', async () => {
    const emu = await emulator({ faults: [{ route: 'POST /v1/renders', kind: '502', count: 1 }] });
    const res = await cm(emu, 'POST', '/renders', renderBody);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toContain('502 Bad Gateway');
    expect(await count(emu)).toBe(0);
  });

  test('truncated: processed, then the JSON body is cut off', async () => {
    const emu = await emulator({ faults: [{ route: 'createRender', kind: 'truncated', count: 1 }] });
    const res = await cm(emu, 'POST', '/renders', renderBody);
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(() => JSON.parse(res.text) as unknown).toThrow();
    expect(res.text.length).toBeGreaterThan(0);
    expect(await count(emu)).toBe(1);
    emu.faults.set([{ route: 'getRender', kind: 'truncated' }]);
    const notFound = await cm(emu, 'GET', '/renders/00000000-0000-4000-8000-000000000000');
    expect(notFound.status).toBe(404); // the handler's status is kept
    expect(() => JSON.parse(notFound.text) as unknown).toThrow();
  });

  test('latency: the request waits, then succeeds (measured by admin state, not by a clock)', async () => {
    const emu = await emulator({ faults: [{ route: 'getTemplate', kind: 'latency', latencyMs: 50, count: 1 }] });
    const res = await cm(emu, 'GET', `/templates/${T.quoteSquare}`);
    expect(res.status).toBe(200);
    expect(emu.faults.list()[0]).toMatchObject({ kind: 'latency', fired: 1 });
  });

  test('drop: the render is committed, then the connection dies without an answer', async () => {
    const emu = await emulator({ faults: [{ route: 'createRender', kind: 'drop', count: 1 }] });
    await expect(cm(emu, 'POST', '/renders', renderBody)).rejects.toThrow();
    expect(await count(emu)).toBe(1); // a client that retries blindly would now create a second one
    expect((await cm(emu, 'POST', '/renders', renderBody)).status).toBe(202);
    expect(await count(emu)).toBe(2);
  });
});

describe('fault selection', () => {
  test('route globs, operation ids and * match; other routes are untouched', async () => {
    const emu = await emulator({ faults: [{ route: 'GET /v1/renders/*', kind: '500' }] });
    expect((await cm(emu, 'GET', '/renders/00000000-0000-4000-8000-000000000000')).status).toBe(500);
    expect((await cm(emu, 'GET', '/renders')).status).toBe(200);
    emu.faults.set([{ route: '*', kind: '502', count: 1 }]);
    expect((await cf(emu, 'GET', '/api/custom_templates/')).status).toBe(502);
    expect((await cf(emu, 'GET', '/api/custom_templates/')).status).toBe(200);
  });

  test('probability draws are reproducible under the same seed', async () => {
    const run = async (seed: string) => {
      const emu = await emulator({ seed, faults: [{ route: 'listTemplates', kind: '500', probability: 0.5 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await cm(emu, 'GET', '/templates')).status);
      await emu.close();
      return statuses;
    };
    const a = await run('s1');
    expect(await run('s1')).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });

  test("under a seed each rule draws on its own: adding a rule does not change another rule's draws", async () => {
    const fired = async (rules: FaultRule[]) => {
      const emu = await emulator({ seed: 's2', rateLimit: false, faults: rules });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await cm(emu, 'GET', '/templates')).status);
      await emu.close();
      return statuses.map((s) => s === 500);
    };
    const only500 = await fired([{ route: 'listTemplates', kind: '500', probability: 0.3 }]);
    const with502 = await fired([{ route: 'listTemplates', kind: '500', probability: 0.3 }, { route: 'listTemplates', kind: '502', probability: 0.3 }]);
    expect(with502).toEqual(only500);
  });

  test('admin endpoint adds, lists, replaces and clears faults', async () => {
    const emu = await emulator({ rateLimit: false });
    const admin = `${emu.url}/__emulator/faults`;
    const post = await fetch(admin, { method: 'POST', body: JSON.stringify({ route: 'listTemplates', kind: '500', count: 2 }) });
    expect(((await post.json()) as { faults: FaultState[] }).faults).toHaveLength(1);
    expect((await cm(emu, 'GET', '/templates')).status).toBe(500);
    const listed = (await (await fetch(admin)).json()) as { faults: FaultState[] };
    expect(listed.faults[0]).toMatchObject({ route: 'listTemplates', kind: '500', count: 2, fired: 1 });
    await fetch(admin, { method: 'PUT', body: JSON.stringify([{ route: 'getTemplate', kind: '502' }]) });
    expect((await cm(emu, 'GET', '/templates')).status).toBe(200);
    expect((await fetch(admin, { method: 'POST', body: JSON.stringify({ route: 'x', kind: 'explode' }) })).status).toBe(400);
    await fetch(admin, { method: 'DELETE' });
    expect(emu.faults.list()).toEqual([]);
  });

  test('parseFaults reads JSON and the compact CLI form', () => {
    expect(parseFaults('createRender:drop:count=1,GET /v1/renders/*:latency:ms=300:p=0.5')).toEqual([
      { route: 'createRender', kind: 'drop', count: 1 },
      { route: 'GET /v1/renders/*', kind: 'latency', latencyMs: 300, probability: 0.5 },
    ]);
    expect(parseFaults('[{"route":"*","kind":"502"}]')).toEqual([{ route: '*', kind: '502' }]);
    expect(() => parseFaults('x:boom')).toThrow(/kind/);
  });
});

describe('Creatomate rate limit (sliding window per key)', () => {
  test('the 31st request within 10 s gets 429; another key is unaffected; a 429 is not counted', async () => {
    const emu = await emulator();
    for (let i = 0; i < 30; i++) expect((await cm(emu, 'GET', '/templates')).status).toBe(200);
    const limited = await cm(emu, 'GET', '/templates');
    expect(limited.status).toBe(429);
    expect(zError.parse(limited.body).hint).toMatch(/30 requests per 10 seconds/);
    expect((await cm(emu, 'GET', '/templates', undefined, 'another-key')).status).toBe(200);
    expect((await cf(emu, 'GET', '/api/custom_templates/')).status).toBe(200); // Creatify has no published limit
  });

  test('the window slides: capacity returns as the oldest requests age out, not all at once', async () => {
    const emu = await emulator({ rateLimit: { requests: 3, windowMs: 1000 } });
    const send = () => cm(emu, 'GET', '/templates').then((r) => r.status);
    expect(await send()).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect([await send(), await send()]).toEqual([200, 200]);
    expect(await send()).toBe(429);
    // Once the first request is over 1 s old exactly one slot frees up (a fixed window would free all three).
    await new Promise((r) => setTimeout(r, 600));
    expect(await send()).toBe(200);
    expect(await send()).toBe(429);
  });

  test('rateLimit: false turns it off', async () => {
    const emu = await emulator({ rateLimit: false });
    for (let i = 0; i < 40; i++) expect((await cm(emu, 'GET', '/templates', undefined, CM_KEY)).status).toBe(200);
  });
});

test('a drop mid-upload or a garbage request never crashes the server', async () => {
  const emu = await emulator();
  await new Promise<void>((resolve) => {
    const req = request(`${emu.creatomateUrl}/renders`, { method: 'POST', headers: { authorization: `Bearer ${CM_KEY}`, 'content-length': '1000' } });
    req.on('error', () => resolve());
    req.write('{"template_id":');
    setTimeout(() => { req.destroy(); resolve(); }, 20);
  });
  expect((await cm(emu, 'POST', '/renders', '\u0000\u0001not json')).status).toBe(400);
  expect((await cm(emu, 'GET', '/templates')).status).toBe(200);
});
