import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { operationSchemas as cmOps } from '@reelkit/core/creatomate';
import { operationSchemas as cfOps } from '@reelkit/core/creatify';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS as T, startEmulator, type EmulatorState } from '../src/index.js';
import { CF, CM_KEY, cf, cm, emulator, testimonialVariables } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'reelkit-emulator-'));
  dirs.push(d);
  return d;
};

describe('persistence with data', () => {
  test('renders and jobs survive a restart, per key, and keep moving on', async () => {
    const data = tempDir();
    const first = await startEmulator({ port: 0, clock: 'manual', data });
    const [done] = cmOps.createRender.response.parse((await cm(first, 'POST', '/renders', { template_id: T.productCard })).body);
    first.clock.advance(60_000);
    const [pending] = cmOps.createRender.response.parse((await cm(first, 'POST', '/renders', { template_id: T.quoteSquare })).body);
    const job = cfOps.custom_template_jobs_preview_async_create.response.parse(
      (await cf(first, 'POST', '/api/custom_template_jobs/preview_async/', { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables })).body,
    );
    const before = cmOps.getRender.response.parse((await cm(first, 'GET', `/renders/${done!.id}`)).body);
    await first.close();

    // The file never holds a raw key.
    const log = readFileSync(join(data, 'emulator-state.jsonl'), 'utf8');
    expect(log).not.toContain(CM_KEY);
    expect(log).not.toContain(CF.key);

    const second = await startEmulator({ port: 0, clock: 'manual', data });
    try {
      const again = cmOps.getRender.response.parse((await cm(second, 'GET', `/renders/${done!.id}`)).body);
      expect(again).toEqual({ ...before, url: before.url!.replace(first.url, second.url) });
      expect((await fetch(again.url!)).status).toBe(200); // output rebuilt from its spec
      expect((await cm(second, 'GET', `/renders/${done!.id}`, undefined, 'other-key')).status).toBe(404);
      expect(cfOps.custom_template_jobs_retrieve.response.parse((await cf(second, 'GET', `/api/custom_template_jobs/${job.id}/`)).body).status).toBe('pending');
      second.clock.advance(120_000);
      expect(cmOps.getRender.response.parse((await cm(second, 'GET', `/renders/${pending!.id}`)).body).status).toBe('succeeded');
      expect((await cf(second, 'POST', `/api/custom_template_jobs/${job.id}/render/`, {})).status).toBe(200);
      // Deletes and resets are persisted too.
      await cm(second, 'DELETE', `/renders/${done!.id}`);
    } finally {
      await second.close();
    }
    const third = await startEmulator({ port: 0, clock: 'manual', data });
    try {
      expect((await cm(third, 'GET', `/renders/${done!.id}`)).status).toBe(404);
      expect((await cm(third, 'GET', `/renders/${pending!.id}`)).status).toBe(200);
      third.reset();
    } finally {
      await third.close();
    }
    const fourth = await startEmulator({ port: 0, clock: 'manual', data });
    try {
      expect((await cm(fourth, 'GET', `/renders/${pending!.id}`)).status).toBe(404);
    } finally {
      await fourth.close();
    }
  }, 20_000); // four emulators start and stop
});

describe('admin API', () => {
  test('state lists accounts with masked keys, their renders and jobs, faults and the clock', async () => {
    const emu = await emulator();
    await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare });
    await cf(emu, 'POST', '/api/custom_template_jobs/', { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables });
    const state = (await (await fetch(`${emu.url}/__emulator/state`)).json()) as EmulatorState;
    expect(state.clock.mode).toBe('manual');
    expect(state.rateLimit).toEqual({ requests: 30, windowMs: 10_000 });
    expect(state.accounts).toHaveLength(2);
    const text = JSON.stringify(state);
    expect(text).not.toContain(CM_KEY);
    expect(text).not.toContain(CF.key);
    expect(state.accounts.map((a) => [a.renders.length, a.jobs.length])).toEqual([[1, 0], [0, 1]]);
  });

  test('reset forgets renders, jobs, deliveries and rate-limit windows, and restores the start faults', async () => {
    const emu = await emulator({ rateLimit: { requests: 2, windowMs: 60_000 }, faults: [{ route: 'getTemplate', kind: '500' }] });
    const [r] = cmOps.createRender.response.parse((await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare })).body);
    await cm(emu, 'GET', '/templates');
    expect((await cm(emu, 'GET', '/templates')).status).toBe(429);
    emu.faults.clear();
    const res = await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await cm(emu, 'GET', `/renders/${r!.id}`)).status).toBe(404);
    expect(emu.faults.list()).toHaveLength(1);
    expect(emu.state().accounts).toEqual([]);
  });

  test('the same seed gives the same ids', async () => {
    const ids = async () => {
      const emu = await emulator({ seed: 42 });
      const out = cmOps.createRender.response.parse((await cm(emu, 'POST', '/renders', { tags: ['social'] })).body).map((r) => r.id);
      await emu.close();
      return out;
    };
    const a = await ids();
    expect(await ids()).toEqual(a);
  });

  test('the real clock runs the lifecycle at `speed`', async () => {
    const emu = await emulator({ clock: 'real', speed: 1000, rateLimit: false }); // polls every 5 ms
    const [r] = cmOps.createRender.response.parse((await cm(emu, 'POST', '/renders', { template_id: T.quoteSquare })).body);
    let status = r!.status;
    while (status !== 'succeeded') {
      await new Promise((res) => setTimeout(res, 5));
      status = cmOps.getRender.response.parse((await cm(emu, 'GET', `/renders/${r!.id}`)).body).status;
    }
    expect(status).toBe('succeeded');
  });
});
