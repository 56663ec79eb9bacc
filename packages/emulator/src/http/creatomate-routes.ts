// Creatomate's operations (under /v1), each answered by the engine.
import { operationSchemas } from '@reelkit/core/creatomate';
import type { Engine } from '../engine.js';
import { creatomateError } from '../errors.js';
import { isError, send, type AnyOp } from './parts.js';
import type { Ok, Route } from './router.js';

const ops = operationSchemas as unknown as Record<keyof typeof operationSchemas, AnyOp>;

export function creatomateRoutes(route: Route, engine: Engine, ok: Ok): void {
  const missing = (kind: 'render' | 'template', id: string | undefined) => creatomateError(404, `The ${kind} '${id}' was not found.`);
  route('creatomate', ops.createRender, (c, { body }) => {
    const out = engine.createRenders(c.get('account'), c.get('label'), body as Parameters<Engine['createRenders']>[2]);
    return isError(out) ? send(c, out) : ok(c, ops.createRender, out);
  });
  route('creatomate', ops.listRenders, (c, { query }) =>
    ok(c, ops.listRenders, engine.listRenders(c.get('account'), query as { template_id?: string; limit: number })));
  route('creatomate', ops.getRender, (c, { path }) => {
    const render = engine.getRender(c.get('account'), path.id!);
    return render ? ok(c, ops.getRender, render) : send(c, missing('render', path.id));
  });
  route('creatomate', ops.deleteRender, (c, { path }) => {
    const render = engine.deleteRender(c.get('account'), path.id!);
    return render ? ok(c, ops.deleteRender, render) : send(c, missing('render', path.id));
  });
  route('creatomate', ops.listTemplates, (c, { query }) => {
    const tags = typeof query.tags === 'string' ? query.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
    const list = engine.templates()
      .filter((t) => tags.length === 0 || (t.tags ?? []).some((tag) => tags.includes(tag)))
      .slice(0, query.limit as number)
      .map(({ source: _source, ...meta }) => meta); // the list never carries sources
    return ok(c, ops.listTemplates, list);
  });
  route('creatomate', ops.getTemplate, (c, { path }) => {
    const t = engine.templates().find((x) => x.id === path.id);
    return t ? ok(c, ops.getTemplate, t) : send(c, missing('template', path.id));
  });
}
