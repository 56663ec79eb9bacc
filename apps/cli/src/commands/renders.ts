// `reelkit renders …`: thin wrappers over @reelkit/renders (it checks, submits once and waits).
import { AbortError } from '@reelkit/core';
import { createRenders, type CreateRenderParams, type Render, type Renders } from '@reelkit/renders';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseAssignments, readJson, readJsonObject, uuid } from '../args.js';
import type { Context } from '../context.js';
import { ExitWith, RemoteFailureError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { createProgress } from '../progress.js';

/** The default port of `reelkit webhooks listen`, which `--webhook local` points at. */
export const LOCAL_WEBHOOK_PORT = 4011;

const client = (ctx: Context): Renders => createRenders(ctx.creatomate());

const row = (r: Render) => [r.id, r.status, r.template_name ?? r.template_id ?? '', r.output_format ?? '', r.url ?? r.error_message ?? ''];
const HEAD = ['id', 'status', 'template', 'format', 'url / error'];

export async function get(ctx: Context, id: string): Promise<void> {
  const render = await client(ctx).get(uuid('<id>', id), { signal: ctx.signal });
  ctx.out.data(render);
  ctx.out.record(render);
}

export async function list(ctx: Context, opts: { template?: string; limit?: number }): Promise<void> {
  const query = { ...(opts.template ? { template_id: uuid('--template', opts.template) } : {}), ...(opts.limit ? { limit: opts.limit } : {}) };
  const renders = await client(ctx).list(query, { signal: ctx.signal });
  ctx.out.data(renders);
  ctx.out.table(HEAD, renders.map(row));
}

export async function remove(ctx: Context, id: string): Promise<void> {
  const render = await client(ctx).delete(uuid('<id>', id), { signal: ctx.signal });
  ctx.out.data(render);
  ctx.out.line(`deleted ${render.id}`);
}

export interface CreateOpts {
  template?: string;
  source?: string;
  tags?: string[];
  modify?: string[];
  modifications?: string;
  format?: string;
  scale?: number;
  webhook?: string;
  metadata?: string;
  wait?: boolean;
  download?: string;
  check: boolean;
}

/** The webhook URL for `--webhook local`: the local receiver, allowed only when the API is on this machine. */
function localWebhook(ctx: Context): string {
  const base = ctx.credentials().creatomate.baseUrl;
  const host = base ? new URL(base).hostname : undefined;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new UsageError('--webhook local only works against the emulator (REELKIT_CREATOMATE_URL on 127.0.0.1): the real API cannot reach your machine.');
  }
  return `http://127.0.0.1:${LOCAL_WEBHOOK_PORT}/`;
}

export function buildParams(ctx: Context, opts: CreateOpts): CreateRenderParams {
  const chosen = [opts.template, opts.source, opts.tags].filter((v) => v !== undefined).length;
  if (chosen !== 1) throw new UsageError('renders create needs exactly one of --template <id>, --source <file.json> or --tags <a,b>');
  const modifications = { ...(opts.modifications ? readJsonObject('--modifications', opts.modifications) : {}), ...parseAssignments('--modify', opts.modify) };
  const rest = {
    ...(Object.keys(modifications).length ? { modifications } : {}),
    ...(opts.format ? { output_format: opts.format } : {}),
    ...(opts.scale !== undefined ? { render_scale: opts.scale } : {}),
    ...(opts.webhook ? { webhook_url: opts.webhook === 'local' ? localWebhook(ctx) : opts.webhook } : {}),
    ...(opts.metadata !== undefined ? { metadata: opts.metadata } : {}),
  };
  if (opts.template !== undefined) return { template_id: uuid('--template', opts.template), ...rest } as CreateRenderParams;
  if (opts.source !== undefined) return { source: readJsonObject('--source', opts.source), ...rest } as CreateRenderParams;
  return { tags: opts.tags!, ...rest } as CreateRenderParams;
}

export async function create(ctx: Context, opts: CreateOpts): Promise<void> {
  if (opts.download && !opts.wait) throw new UsageError('--download needs --wait');
  const params = buildParams(ctx, opts);
  const renders = client(ctx);
  const created = await renders.create(params, { checkModifications: opts.check, signal: ctx.signal });
  if (!opts.wait) {
    ctx.out.data(created);
    ctx.out.table(HEAD, created.map(row));
    return;
  }
  if (!ctx.out.json) ctx.out.note(`submitted ${created.map((r) => r.id).join(', ')}`);
  await waitAndReport(ctx, renders, created.map((r) => r.id), opts.download);
}

export async function wait(ctx: Context, ids: string[], opts: { download?: string }): Promise<void> {
  await waitAndReport(ctx, client(ctx), ids.map((id) => uuid('<id>', id)), opts.download);
}

/** Waits with a progress display; Ctrl-C stops waiting only, and says how to pick it up again. */
async function waitAndReport(ctx: Context, renders: Renders, ids: string[], download: string | undefined): Promise<void> {
  const progress = await createProgress(ctx.out, 'render', ids);
  let final: Render[];
  try {
    final = await renders.waitFor(ids, {
      signal: ctx.signal,
      throwOnFailure: false,
      onProgress: (r) => {
        if (r.status === 'succeeded') progress.done(r.id, true, `succeeded ${r.url ?? ''}`.trim());
        else if (r.status === 'failed') progress.done(r.id, false, `failed: ${r.error_message ?? 'no message'}`);
        else progress.update(r.id, r.status);
      },
    });
  } catch (error) {
    await progress.close();
    if (error instanceof AbortError && ctx.signal.aborted) {
      throw new ExitWith(EXIT.interrupted, `Stopped waiting. The renders keep running remotely; wait for them again with:\n  reelkit renders wait ${ids.join(' ')}`);
    }
    throw error;
  }
  await progress.close();
  const files = download ? await Promise.all(final.filter((r) => r.status === 'succeeded').map((r) => save(r, download, ctx.signal))) : [];
  ctx.out.data(download ? final.map((r) => ({ ...r, file: files.find((f) => f.id === r.id)?.path })) : final);
  ctx.out.table(HEAD, final.map(row));
  for (const f of files) ctx.out.line(`saved ${f.path}`);
  const failed = final.filter((r) => r.status === 'failed');
  if (failed.length) throw new RemoteFailureError(`${failed.length} of ${final.length} render(s) failed: ${failed.map((r) => `${r.id} (${r.error_message ?? 'no message'})`).join(', ')}`);
}

export async function download(ctx: Context, id: string, opts: { out?: string }): Promise<void> {
  const render = await client(ctx).get(uuid('<id>', id), { signal: ctx.signal });
  if (render.status !== 'succeeded' || !render.url) throw new RemoteFailureError(`Render ${render.id} is ${render.status}: there is nothing to download yet (reelkit renders wait ${render.id}).`);
  const file = await save(render, opts.out ?? '.', ctx.signal);
  ctx.out.data(file);
  ctx.out.line(`saved ${file.path}`);
}

const isDir = async (p: string) => (await stat(p).catch(() => undefined))?.isDirectory() === true;

/** Downloads the output to `<dir>/<id>.<ext>` (or the file path given), through a temp file and a rename. */
async function save(render: Render, target: string, signal: AbortSignal): Promise<{ id: string; path: string; bytes: number }> {
  const ext = extname(new URL(render.url!).pathname) || `.${render.output_format ?? 'bin'}`;
  const dirTarget = target.endsWith('/') || (await isDir(target));
  if (dirTarget) await mkdir(target, { recursive: true });
  const path = dirTarget ? join(target, `${render.id}${ext}`) : target;
  // A plain fetch of the output URL (not an API call); its network errors are reported like the API's.
  const res = await fetch(render.url!, { signal }).catch((error: unknown) => {
    throw signal.aborted ? new AbortError('Download stopped.', { cause: error }) : new RemoteFailureError(`Downloading ${render.id} failed: ${(error as Error).message}`, { cause: error });
  });
  if (!res.ok || !res.body) throw new RemoteFailureError(`Downloading ${render.id} failed: HTTP ${res.status}`);
  const tmp = `${path}.part`;
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(tmp));
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return { id: render.id, path, bytes: (await stat(path)).size };
}

// Re-exported for the batch command (same display and download rules).
export { save as saveRender, HEAD as RENDER_HEAD, row as renderRow, readJson };
