// How a corpus case runs: its JSON input made real (BigInt, circular, huge bodies cannot be JSON),
// the SDK call it names made against a counting node:http proxy in front of an in-process emulator,
// or a raw HTTP request to the emulator; then its outcome, to compare with the case's expectation.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as core from '@reelkit/core';
import { createCreatify } from '@reelkit/creatify';
import * as creatify from '@reelkit/creatify';
import type { Emulator } from '@reelkit/emulator';
import { createRenders } from '@reelkit/renders';
import * as renders from '@reelkit/renders';
import { createTemplates } from '@reelkit/templates';

export interface Expectation {
  /** SDK cases: the typed error class (by name, checked with instanceof through the exports). */
  error?: string;
  /** SDK cases: a field the error names (an issue path, or the message). */
  field?: string;
  /** SDK cases: requests that reached the server (0 = refused before the network). */
  requests?: number;
  /** SDK cases: the error's maybeSubmitted flag. */
  maybeSubmitted?: boolean;
  /** Emulator cases: the status code. */
  status?: number;
  /** Emulator cases: text the answer contains. */
  contains?: string;
}

export interface Case {
  id: string;
  /** An SDK method (`renders.create`, `creatify.jobs.create`, `creatomate.client`, …) or `http` to the emulator. */
  target: string;
  note?: string;
  input?: unknown;
  /** SDK cases: options merged into the client's. */
  client?: Record<string, unknown>;
  /** Emulator cases. */
  http?: { method: string; path: string; auth?: 'creatomate' | 'creatify' | 'none'; key?: string; creatify?: { id: string; key: string }; raw?: string; as?: { id: string; key: string } | string };
  expect: Expectation;
  /** The branch whose fix this case waits for; reported apart, not counted as a failure. */
  pending?: string;
}

/** Turns the JSON markers into the values JSON cannot hold. */
export function materialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(materialize);
  if (typeof value !== 'object' || value === null) return value;
  const v = value as Record<string, unknown>;
  if ('$bigint' in v) return BigInt(String(v.$bigint));
  if ('$number' in v) return Number(v.$number); // NaN, Infinity, -Infinity
  if ('$undefined' in v) return undefined;
  if ('$repeat' in v) return String(v.$repeat).repeat(Number(v.times));
  if ('$keys' in v) return Object.fromEntries(Array.from({ length: Number(v.$keys) }, (_, i) => [`k${i}`, typeof v.value === 'string' ? v.value : 'x']));
  if ('$nested' in v) {
    let out: unknown = materialize(v.leaf ?? 1);
    for (let i = 0; i < Number(v.$nested); i++) out = { [typeof v.key === 'string' ? v.key : 'a']: out };
    return out;
  }
  if ('$circular' in v) {
    const obj: Record<string, unknown> = { ...(materialize(v.$circular) as object) };
    obj.self = obj;
    return obj;
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, materialize(x)]));
}

/** A node:http proxy that counts the requests it forwards to `target` (template reads aside). */
export async function countingProxy(target: string): Promise<{ url: string; count(): number; reset(): void; close(): Promise<void> }> {
  let count = 0;
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    // A pre-flight modification check reads the template first; that read is not the request a case
    // is about (the render), so it is not counted.
    if (!(req.method === 'GET' && req.url?.startsWith('/v1/templates/'))) count++;
    const out = httpRequest({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    reset: () => void (count = 0),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export const KEY = 'sk_hostile_corpus_key_0123456789';
export const CF_CREDS = { id: 'hostile-api-id', key: 'hostile-api-key-0123456789' };

type Call = (input: unknown, options: Record<string, unknown>) => Promise<unknown>;

/** Every SDK target a case may name; `base` is the counting proxy. */
function sdkTargets(base: string): Record<string, Call> {
  const cmClient = (extra: Record<string, unknown>) => core.createCreatomateClient({ apiKey: KEY, baseUrl: `${base}/v1`, rateLimit: false, maxRetries: 0, ...extra });
  const cfClient = (extra: Record<string, unknown>) => core.createCreatifyClient({ apiId: CF_CREDS.id, apiKey: CF_CREDS.key, baseUrl: base, maxRetries: 0, ...extra });
  const r = (o: Record<string, unknown>) => createRenders(cmClient(o));
  const t = (o: Record<string, unknown>) => createTemplates(cmClient(o));
  const c = (o: Record<string, unknown>) => createCreatify(cfClient(o));
  // Hostile input is, by design, not what the types allow: `as never` hands it over unchecked.
  return {
    'renders.create': (input, o) => r(o).create(input as never),
    'renders.list': (input, o) => r(o).list(input as never),
    'renders.get': (input, o) => r(o).get(input as never),
    'templates.list': (input, o) => t(o).list(input as never),
    'templates.get': (input, o) => t(o).get(input as never),
    'creatify.jobs.create': (input, o) => c(o).jobs.create(input as never),
    'creatify.jobs.previewAsync': (input, o) => c(o).jobs.previewAsync(input as never),
    'creatify.jobs.get': (input, o) => c(o).jobs.get(input as never),
    'creatify.jobs.render': (input, o) => c(o).jobs.render(input as never),
    // Client construction and one read: key handling, base URLs, never-sent errors.
    'creatomate.client': async (input, o) => r({ ...o, ...(input as object) }).list({ limit: 1 }),
    'creatomate.client.create': async (input, o) => r({ ...o, ...(input as object) }).create({ template_id: '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22' }),
    'creatify.client': async (input, o) => c({ ...o, ...(input as object) }).templates.list(),
  };
}

const errorClasses: Record<string, unknown> = { ...core, ...renders, ...creatify };

export interface Outcome {
  ok: boolean;
  problems: string[];
  /** What happened, for the report. */
  seen: string;
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `threw ${typeof err}`;
  const issues = (err as { issues?: Array<{ path: string }> }).issues?.map((i) => i.path).join(',');
  return `${err.name}${issues ? ` [${issues}]` : ''}: ${err.message.slice(0, 160)}`;
}

export async function runSdkCase(c: Case, proxy: { url: string; count(): number; reset(): void }): Promise<Outcome> {
  const call = sdkTargets(proxy.url)[c.target];
  if (!call) return { ok: false, problems: [`unknown target ${c.target}`], seen: '' };
  proxy.reset();
  let error: unknown;
  try {
    await call(materialize(c.input), (materialize(c.client ?? {}) as Record<string, unknown>));
  } catch (err) {
    error = err;
  }
  const problems: string[] = [];
  const e = c.expect;
  if (e.error) {
    const cls = errorClasses[e.error];
    if (typeof cls !== 'function') problems.push(`no error class ${e.error} is exported`);
    else if (!(error instanceof (cls as new () => Error))) problems.push(`expected ${e.error}, got ${error === undefined ? 'no error' : describeError(error)}`);
    if (error !== undefined && !(error instanceof core.ReelkitError)) problems.push('the error is not a ReelkitError');
  }
  if (e.field && error instanceof Error) {
    const issues = (error as { issues?: Array<{ path: string }> }).issues ?? [];
    const named = issues.some((i) => i.path === e.field || i.path.split('.').includes(e.field!)) || error.message.includes(e.field);
    if (!named) problems.push(`the error does not name '${e.field}'`);
  }
  if (e.requests !== undefined && proxy.count() !== e.requests) problems.push(`${proxy.count()} request(s) sent, expected ${e.requests}`);
  if (e.maybeSubmitted !== undefined && (error as { maybeSubmitted?: boolean } | undefined)?.maybeSubmitted !== e.maybeSubmitted) {
    problems.push(`maybeSubmitted is ${String((error as { maybeSubmitted?: boolean } | undefined)?.maybeSubmitted)}, expected ${e.maybeSubmitted}`);
  }
  return { ok: problems.length === 0, problems, seen: error === undefined ? 'no error' : describeError(error) };
}

/** Sends the case's raw HTTP request to `emu`; `{job}`/`{render}` in the path are made first, as `http.as`. */
export async function runHttpCase(c: Case, emu: Emulator): Promise<Outcome & { text: string; headers: string }> {
  const h = c.http!;
  let path = h.path;
  if (path.includes('{job}')) {
    const as = h.as as { id: string; key: string };
    const res = await fetch(`${emu.url}/api/custom_template_jobs/`, {
      method: 'POST',
      headers: { 'x-api-id': as.id, 'x-api-key': as.key, 'content-type': 'application/json' },
      body: JSON.stringify({ template_id: '3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d83', variables: TESTIMONIAL }),
    });
    path = path.replace('{job}', ((await res.json()) as { id: string }).id);
  }
  if (path.includes('{render}')) {
    const res = await fetch(`${emu.url}/v1/renders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${typeof h.as === 'string' ? h.as : ''}`, 'content-type': 'application/json' },
      body: JSON.stringify({ template_id: '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22' }),
    });
    path = path.replace('{render}', ((await res.json()) as Array<{ id: string }>)[0]!.id);
  }
  const headers: Record<string, string> = {};
  const auth = h.auth ?? (path.startsWith('/v1') ? 'creatomate' : path.startsWith('/api') ? 'creatify' : 'none');
  if (auth === 'creatomate') headers.authorization = `Bearer ${h.key ?? KEY}`;
  if (auth === 'creatify') {
    headers['x-api-id'] = (h.creatify ?? CF_CREDS).id;
    headers['x-api-key'] = (h.creatify ?? CF_CREDS).key;
  }
  let body: string | undefined = h.raw !== undefined ? String(materialize(h.raw)) : undefined;
  if (body === undefined && c.input !== undefined) body = JSON.stringify(materialize(c.input));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${emu.url}${path}`, { method: h.method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const problems: string[] = [];
  if (c.expect.status !== undefined && res.status !== c.expect.status) problems.push(`status ${res.status}, expected ${c.expect.status}: ${text.slice(0, 160)}`);
  if (c.expect.contains !== undefined && !text.includes(c.expect.contains)) problems.push(`the answer does not contain '${c.expect.contains}': ${text.slice(0, 160)}`);
  return { ok: problems.length === 0, problems, seen: `${res.status} ${text.slice(0, 120)}`, text, headers: JSON.stringify([...res.headers]) };
}

export const TESTIMONIAL = {
  quote: { type: 'text', properties: { content: 'It just works.' } },
  customer_name: { type: 'text', properties: { content: 'Ada' } },
  spokesperson: { type: 'avatar', properties: { avatar_id: 'persona-1' } },
  voice: { type: 'voiceover', properties: { voice_id: 'accent-1' } },
};
