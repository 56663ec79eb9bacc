// `reelkit templates …`: @reelkit/templates list/get, its inspection as tables, and its codegen.
import { createTemplates, generateTemplateTypes, inspectTemplate, type Template } from '@reelkit/templates';
import { renameSync, writeFileSync } from 'node:fs';
import { uuid } from '../args.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

const client = (ctx: Context) => createTemplates(ctx.creatomate());

const summary = (t: Template) => [t.id, t.name, (t.tags ?? []).join(','), t.width && t.height ? `${t.width}×${t.height}` : '', t.duration ?? ''];

export async function list(ctx: Context, opts: { tags?: string[]; limit?: number }): Promise<void> {
  const templates = await client(ctx).list({ ...(opts.tags ? { tags: opts.tags } : {}), ...(opts.limit ? { limit: opts.limit } : {}) }, { signal: ctx.signal });
  ctx.out.data(templates);
  ctx.out.table(['id', 'name', 'tags', 'size', 'duration'], templates.map(summary));
}

export async function get(ctx: Context, id: string): Promise<void> {
  const t = await client(ctx).get(uuid('<id>', id), { signal: ctx.signal });
  ctx.out.data(t);
  const { source: _source, ...rest } = t;
  ctx.out.record(rest);
  ctx.out.line('(the RenderScript source is in --json; `reelkit templates inspect` shows what it can modify)');
}

export async function inspect(ctx: Context, id: string): Promise<void> {
  const t = await client(ctx).get(uuid('<id>', id), { signal: ctx.signal });
  if (!t.source) throw new UsageError(`Template ${t.id} came back without its source: nothing to inspect.`);
  const inspection = inspectTemplate(t.source);
  ctx.out.data({ id: t.id, name: t.name, ...inspection });
  ctx.out.line(`${ctx.out.bold(t.name)} (${t.id})`);
  ctx.out.table(
    ['element', 'type', 'main property', 'current value', 'inside', 'flags'],
    inspection.elements.map((e) => [
      e.name ?? e.id,
      e.type,
      e.mainProperty ?? '',
      e.value,
      e.path.join(' › '),
      [e.dynamic ? 'dynamic' : '', e.visible ? '' : 'hidden', e.locked ? 'locked' : ''].filter(Boolean).join(' '),
    ]),
  );
  if (inspection.placeholders.length) ctx.out.table(['placeholder', 'in elements'], inspection.placeholders.map((p) => [`{{${p.name}}}`, p.elements.map((e) => e ?? '(unnamed)').join(', ')]));
}

/** Writes `data` to `path` atomically: a reader sees the old file or the new one, never half of one. */
function writeAtomic(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function pull(ctx: Context, opts: { out: string; tags?: string[] }): Promise<void> {
  const api = client(ctx);
  const listed = await api.list(opts.tags ? { tags: opts.tags } : {}, { signal: ctx.signal });
  // The list has no sources; codegen needs them.
  const full = await Promise.all(listed.map((t) => api.get(t.id, { signal: ctx.signal })));
  const code = generateTemplateTypes(full, { header: `reelkit templates pull${opts.tags ? ` --tags ${opts.tags.join(',')}` : ''}` });
  writeAtomic(opts.out, code);
  ctx.out.data({ out: opts.out, templates: full.map((t) => ({ id: t.id, name: t.name })) });
  ctx.out.line(`wrote ${opts.out} (${full.length} template${full.length === 1 ? '' : 's'})`);
}
