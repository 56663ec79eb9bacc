// Behaviour the emulator does not show: a previewed job that still reads `done` (with no video)
// right after `/render/` was accepted, as Creatify may answer. A node:http server plays the API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCreatifyClient, TimeoutError } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';
import { createCreatify } from '../src/index.js';

type Job = components['schemas']['CustomTemplateJob'];
const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

function job(status: Job['status'], video_output: string | null): Job {
  return {
    id: ID, created_at: '2026-11-25T10:00:00Z', updated_at: '2026-11-25T10:00:00Z', name: null, variables: {},
    media_job: null, video_output, preview: 'https://app.creatify.ai/preview?layout=x.json', editor_url: null,
    failed_reason: null, credits_used: 1, duration: 30, status, progress: status === 'done' ? 1 : 0.5,
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Answers GET /api/custom_template_jobs/{id}/ with `states` in turn (the last one repeats). */
async function api(states: Job[]) {
  let served = 0;
  const server = createServer((_req, res) => {
    const body = states[Math.min(served++, states.length - 1)];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = createCreatifyClient({ apiId: 'id', apiKey: 'key', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, logLevel: 'off' });
  return { creatify: createCreatify(client, { interval: { initialMs: 1, maxMs: 1, factor: 1 } }), polls: () => served };
}

const afterRender = [job('done', null), job('done', null), job('running', null), job('done', 'https://cdn.example.com/v.mp4')];

describe('waitFor after render', () => {
  it('requireVideo keeps polling past a done without video_output', async () => {
    const { creatify, polls } = await api(afterRender);
    const done = await creatify.jobs.waitFor(ID, { requireVideo: true });
    expect(done.video_output).toBe('https://cdn.example.com/v.mp4');
    expect(polls()).toBe(4);
  });

  it('without requireVideo, the first done ends the wait (the preview step)', async () => {
    const { creatify, polls } = await api(afterRender);
    const done = await creatify.jobs.waitFor(ID);
    expect(done.video_output).toBeNull();
    expect(polls()).toBe(1);
  });
});

describe('a status this SDK does not know', () => {
  /** A job in a status the spec does not list, with a field it does not have. */
  const drifted = (status: string) => ({ ...job('running', null), status, colour: 'red' }) as unknown as Job;

  // Core's default: responses tolerant (drift is logged, not fatal).
  const driftingApi = (states: Job[]) => api(states);

  it('is not final: waitFor keeps polling through `queued` until the job is done', async () => {
    const { creatify, polls } = await driftingApi([drifted('queued'), drifted('queued'), job('done', 'https://cdn.example.com/v.mp4')]);
    const seen: string[] = [];
    const done = await creatify.jobs.waitFor(ID, { onProgress: (j) => seen.push(j.status) });
    expect(done.status).toBe('done');
    expect(seen).toEqual(['queued', 'queued', 'done']);
    expect(polls()).toBe(3);
  });

  it('keeps waitFor going to its deadline when it never changes', async () => {
    const { creatify, polls } = await driftingApi([drifted('queued')]);
    await expect(creatify.jobs.waitFor(ID, { deadlineMs: 300 })).rejects.toBeInstanceOf(TimeoutError);
    expect(polls()).toBeGreaterThan(1);
  });
});
