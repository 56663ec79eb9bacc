// The money-safety acceptance test: every operation the specs mark `x-reelkit-cost: paid`, sent
// through core's client into a `drop` fault (processed, then the connection cut) with every per-call
// option set and stray ones smuggled in, reaches the emulator exactly once and stores one job.
import { ConnectionError, createCreatifyClient, createCreatomateClient, creatify, creatomate, isMaybeSubmitted } from '@reelkit/core';
import { describe, expect, test } from 'vitest';
import { CREATIFY_TEMPLATE_IDS, CREATOMATE_TEMPLATE_IDS, type Emulator } from '../src/index.js';
import { CF, CM_KEY, cf, emulator, testimonialVariables } from './helpers.js';

const paidOps = (ops: Record<string, { operationId: string; cost: string; method: string; path: string }>) => Object.values(ops).filter((op) => op.cost === 'paid');

/** Every per-call option, plus what must never reach core's retry decision (no excess-property check on a variable). */
function smuggledOptions() {
  return { signal: new AbortController().signal, timeoutMs: 10_000, maxRetries: 5, retrySafe: true, body: { template_id: 'not-the-validated-body' } };
}

const jobBody = { template_id: CREATIFY_TEMPLATE_IDS.testimonial, variables: testimonialVariables };

/** A job whose preview is done, so `render/` has something to render. */
async function previewedJob(emu: Emulator): Promise<string> {
  const created = (await cf(emu, 'POST', '/api/custom_template_jobs/preview/', jobBody)).body as { id: string; status: string };
  expect(created.status).toBe('done');
  return created.id;
}

const jobsOf = (emu: Emulator) => emu.state().accounts.flatMap((a) => a.jobs);
const rendersOf = (emu: Emulator) => emu.state().accounts.flatMap((a) => a.renders);

describe('paid operations are sent once, whatever the options say', () => {
  test('the specs mark the generation endpoints paid', () => {
    expect(paidOps(creatomate.operationSchemas).map((op) => op.operationId)).toEqual(['createRender']);
    expect(paidOps(creatify.operationSchemas)).toHaveLength(4);
  });

  test.each(paidOps(creatomate.operationSchemas).map((op) => [op.operationId, op] as const))('creatomate %s through a drop fault: one request, one render', async (id) => {
    const emu = await emulator({ faults: [{ route: id, kind: 'drop' }] });
    const client = createCreatomateClient({ apiKey: CM_KEY, baseUrl: emu.creatomateUrl, rateLimit: false, maxRetries: 5 });
    const options = smuggledOptions();
    const err = await client.POST('/renders', { ...options, body: { template_id: CREATOMATE_TEMPLATE_IDS.quoteSquare } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(isMaybeSubmitted(err)).toBe(true);
    expect(emu.faults.list()[0]).toMatchObject({ fired: 1 });
    expect(rendersOf(emu)).toHaveLength(1);
  });

  test.each(paidOps(creatify.operationSchemas).map((op) => [op.operationId, op] as const))('creatify %s through a drop fault: one request, one job', async (id, op) => {
    const emu = await emulator();
    const jobId = op.path.includes('{id}') ? await previewedJob(emu) : undefined;
    const before = jobsOf(emu).length;
    emu.faults.set([{ route: id, kind: 'drop' }]);
    const client = createCreatifyClient({ apiId: CF.id, apiKey: CF.key, baseUrl: emu.creatifyUrl, maxRetries: 5 });
    const options = smuggledOptions();
    const post = client.POST as (path: string, init: object) => Promise<unknown>;
    const init = jobId === undefined ? { ...options, body: jobBody } : { ...options, body: {}, params: { path: { id: jobId } } };
    const err = await post(op.path, init).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(isMaybeSubmitted(err)).toBe(true);
    expect(emu.faults.list()[0]).toMatchObject({ fired: 1 });
    const jobs = jobsOf(emu);
    expect(jobs).toHaveLength(jobId === undefined ? before + 1 : before);
    // render/ acted once: its credits were added once (preview 1 + render 4 for this template's length).
    if (jobId !== undefined) expect(jobs[0]).toMatchObject({ id: jobId, credits_used: 5 });
  });
});
