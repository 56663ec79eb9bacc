// Money safety against a bare node:http server that answers the paid POSTs badly: whatever the
// answer, each POST is sent exactly once, and an outcome that cannot be known surfaces as
// `maybeSubmitted: true` instead of something that invites a resubmission.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCreatifyClient, ResponseValidationError, ServerError, type ValidationMode } from '@reelkit/core';
import { createCreatify, type Creatify, type SubmitOptions } from '../src/index.js';
import { CREDS, testimonialJob } from './helpers.js';

const JOB_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

interface Answer {
  status: number;
  body: string;
  contentType?: string;
}

interface Fake {
  creatify: Creatify;
  /** `METHOD path` of every request the server received, in order. */
  received: string[];
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server answering every POST with `post`, every GET with a 404; a client on it that would retry twice. */
async function fake(post: Answer, validate: ValidationMode = 'strict'): Promise<Fake> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(`${req.method} ${req.url}`);
      const answer = req.method === 'POST' ? post : { status: 404, body: '{"detail":"Not found."}' };
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' }).end(answer.body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = createCreatifyClient({
    ...CREDS,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    maxRetries: 2,
    validate,
    logLevel: 'off',
  });
  return { creatify: createCreatify(client, { interval: { initialMs: 1, maxMs: 1, factor: 1 } }), received };
}

type Submit = [name: string, path: string, call: (creatify: Creatify, opts?: SubmitOptions) => Promise<unknown>];
const SUBMITS: Submit[] = [
  ['create', '/api/custom_template_jobs/', (c, o) => c.jobs.create(testimonialJob(), o)],
  ['preview', '/api/custom_template_jobs/preview/', (c, o) => c.jobs.preview(testimonialJob(), o)],
  ['previewAsync', '/api/custom_template_jobs/preview_async/', (c, o) => c.jobs.previewAsync(testimonialJob(), o)],
  ['render', `/api/custom_template_jobs/${JOB_ID}/render/`, (c, o) => c.jobs.render(JOB_ID, o)],
  ['createAndWait', '/api/custom_template_jobs/', (c, o) => c.jobs.createAndWait(testimonialJob(), o)],
  ['previewThenRender', '/api/custom_template_jobs/preview_async/', (c, o) => c.jobs.previewThenRender(testimonialJob(), { ...o, approve: () => true })],
];

const UNREADABLE: [string, Answer][] = [
  ['an HTML page', { status: 201, body: '<html><body>Created</body></html>', contentType: 'text/html' }],
  ['JSON cut off', { status: 201, body: `{"id":"${JOB_ID}","status":"pen` }],
];

describe('a paid POST answered 201 with a body that cannot be read', () => {
  it.each(UNREADABLE)('create: one POST, nothing else, ResponseValidationError with maybeSubmitted (%s)', async (_name, answer) => {
    const { creatify, received } = await fake(answer);
    const err = await creatify.jobs.createAndWait(testimonialJob()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).maybeSubmitted).toBe(true);
    expect((err as ResponseValidationError).status).toBe(201);
    expect(received).toEqual(['POST /api/custom_template_jobs/']);
  });

  it.each(SUBMITS)('%s sends its POST once and surfaces maybeSubmitted', async (_name, path, call) => {
    const { creatify, received } = await fake(UNREADABLE[0]![1]);
    const err = await call(creatify).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).maybeSubmitted).toBe(true);
    expect(received).toEqual([`POST ${path}`]);
  });

  // Plain create/preview/render return what the server sent when validation is off; the flows need
  // the job's id to go on, and polling `/undefined/` would answer 404, which reads as "nothing was created".
  it.each(SUBMITS.filter(([name]) => name === 'createAndWait' || name === 'previewThenRender'))(
    '%s with validation off: a 201 without a job id is maybeSubmitted, never polled or resent',
    async (_name, path, call) => {
    for (const body of ['{}', '', `{"id":"${JOB_ID}/../x"}`]) {
      const { creatify, received } = await fake({ status: 201, body }, 'off');
      const err = await call(creatify).catch((e: unknown) => e);
      expect(err, body).toBeInstanceOf(ResponseValidationError);
      expect((err as ResponseValidationError).maybeSubmitted, body).toBe(true);
      expect(received, body).toEqual([`POST ${path}`]);
    }
  },
  );
});

describe('options that are not SubmitOptions never reach the paid POST', () => {
  it.each(SUBMITS)('%s: a stray retrySafe/maxRetries does not make a 502 retried', async (_name, path, call) => {
    const { creatify, received } = await fake({ status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    // An options object built for core elsewhere (no excess-property check on a variable).
    const stray = { timeoutMs: 5_000, retrySafe: true, maxRetries: 1, headers: { 'Idempotency-Key': 'x' } };
    const opts: SubmitOptions = stray;
    const err = await call(creatify, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).maybeSubmitted).toBe(true);
    expect(received).toEqual([`POST ${path}`]);
  });
});
