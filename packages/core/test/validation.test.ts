// Validation per direction: requests strict before sending; responses tolerant of drift (new enum
// values, formats and fields pass and are logged once per process) but not of a different shape.
import { describe, expect, it } from 'vitest';
import { createCreatomateClient, RequestValidationError, ResponseValidationError, type creatomate } from '../src/index.js';
import { memoryLogger, render, RENDER_ID, TEMPLATE_ID } from './helpers.js';

type Render = creatomate.components['schemas']['Render'];

function answering(body: unknown) {
  const calls: string[] = [];
  const fetch = (url: string) => {
    calls.push(url);
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };
  return { fetch, calls };
}

const base = { apiKey: 'validate-key-0123', baseUrl: 'http://x.invalid/v1', rateLimit: false as const, maxRetries: 0 };
const getRender = (c: ReturnType<typeof createCreatomateClient>) => c.GET('/renders/{id}', { params: { path: { id: RENDER_ID } } });

describe('tolerant responses (the default)', () => {
  it('an unknown status, an unknown field and a looser id pass through, each logged once with its path', async () => {
    const logger = memoryLogger();
    const { fetch } = answering(render({ status: 'queued', id: 'rnd_42', snapshot_url: 'not a url', drift_field_a: { x: 1 } }));
    const client = createCreatomateClient({ ...base, fetch, logger });
    const first: Render = await getRender(client);
    await getRender(client);
    expect(first).toMatchObject({ status: 'queued', id: 'rnd_42', drift_field_a: { x: 1 } });
    const warns = logger.lines.filter((l) => l.startsWith('warn'));
    expect(warns).toHaveLength(4);
    for (const path of ['status', 'id', 'snapshot_url', 'drift_field_a']) expect(warns.some((l) => l.includes(`drift at ${path}:`))).toBe(true);
  });

  it('the same new field on every item of a list is one line, with the index folded', async () => {
    const logger = memoryLogger();
    const { fetch } = answering([render({ drift_field_b: 1 }), render({ drift_field_b: 2 }), render({ drift_field_b: 3 })]);
    await createCreatomateClient({ ...base, fetch, logger }).GET('/renders');
    const warns = logger.lines.filter((l) => l.startsWith('warn'));
    expect(warns).toHaveLength(1);
    expect(warns[0]).toContain('drift at *.drift_field_b');
  });

  it('the open type keeps the known statuses and admits new ones', () => {
    const known: Render['status'] = 'succeeded';
    const future: Render['status'] = 'queued';
    expect([known, future]).toHaveLength(2);
  });

  it('a missing required field or a wrong type is still a ResponseValidationError', async () => {
    for (const body of [render({ id: undefined }), render({ status: 7 }), 'just a string']) {
      const { fetch } = answering(body);
      await expect(getRender(createCreatomateClient({ ...base, fetch }))).rejects.toBeInstanceOf(ResponseValidationError);
    }
  });
});

describe("response: 'strict' and 'off'", () => {
  it("'strict' refuses an unknown status; 'off' returns any JSON without a word", async () => {
    const logger = memoryLogger();
    const { fetch } = answering(render({ status: 'queued', url: 5 }));
    await expect(getRender(createCreatomateClient({ ...base, fetch, validate: { response: 'strict' } }))).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(getRender(createCreatomateClient({ ...base, fetch, logger, validate: { response: 'off' } }))).resolves.toMatchObject({ url: 5 });
    expect(logger.lines).toEqual([]);
  });

  it('refuses an unknown mode, naming the direction', () => {
    expect(() => createCreatomateClient({ ...base, validate: { response: 'loose' as 'off' } })).toThrow(/validate\.response/);
  });
});

describe('strict requests', () => {
  it('refuses an unknown query parameter before sending', async () => {
    const { fetch, calls } = answering([]);
    const client = createCreatomateClient({ ...base, fetch });
    const query = { colour: 'red' } as unknown as { limit: number };
    const err = await client.GET('/renders', { params: { query } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestValidationError);
    expect((err as RequestValidationError).issues).toEqual([{ path: 'query.colour', message: 'unknown field (not in the spec)' }]);
    expect(calls).toEqual([]);
  });

  it("request: 'warn' logs the problem and sends", async () => {
    const logger = memoryLogger();
    const { fetch, calls } = answering([render()]);
    const body = { template_id: TEMPLATE_ID, render_scale: 'big' } as unknown as { template_id: string };
    await createCreatomateClient({ ...base, fetch, logger, validate: { request: 'warn' } }).POST('/renders', { body });
    expect(calls).toHaveLength(1);
    expect(logger.lines.some((l) => l.startsWith('warn') && l.includes('body.render_scale'))).toBe(true);
  });
});
