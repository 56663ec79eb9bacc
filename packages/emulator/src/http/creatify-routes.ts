// Creatify's operations (under /api), each answered by the engine.
import type { Context } from 'hono';
import { operationSchemas } from '@reelkit/core/creatify';
import type { Engine } from '../engine.js';
import { creatifyDetail } from '../errors.js';
import { isError, send, type AnyOp, type Env } from './parts.js';
import type { Ok, Route } from './router.js';

const ops = operationSchemas as unknown as Record<keyof typeof operationSchemas, AnyOp>;
type JobBody = Parameters<Engine['createJob']>[3];

export function creatifyRoutes(route: Route, engine: Engine, ok: Ok): void {
  const jobReply = (c: Context<Env>, op: AnyOp, out: ReturnType<Engine['createJob']> | undefined) =>
    out === undefined ? send(c, creatifyDetail(404, 'Not found.', 'not_found')) : isError(out) ? send(c, out) : ok(c, op, out);
  route('creatify', ops.custom_template_jobs_create, (c, { body }) =>
    jobReply(c, ops.custom_template_jobs_create, engine.createJob(c.get('account'), c.get('label'), 'create', body as JobBody)));
  route('creatify', ops.custom_template_jobs_preview_async_create, (c, { body }) =>
    jobReply(c, ops.custom_template_jobs_preview_async_create, engine.createJob(c.get('account'), c.get('label'), 'preview', body as JobBody)));
  route('creatify', ops.custom_template_jobs_preview_create, (c, { body }) =>
    jobReply(c, ops.custom_template_jobs_preview_create, engine.createJob(c.get('account'), c.get('label'), 'preview', body as JobBody, true)));
  route('creatify', ops.custom_template_jobs_render_create, (c, { path }) =>
    jobReply(c, ops.custom_template_jobs_render_create, engine.renderJob(c.get('account'), path.id!)));
  route('creatify', ops.custom_template_jobs_retrieve, (c, { path }) =>
    jobReply(c, ops.custom_template_jobs_retrieve, engine.getJob(c.get('account'), path.id!)));
  route('creatify', ops.custom_templates_list, (c) =>
    ok(c, ops.custom_templates_list, engine.creatifyTemplates().map(({ variables: _v, video_duration: _d, ...t }) => t)));
  route('creatify', ops.custom_templates_retrieve, (c, { path }) => {
    const t = engine.creatifyTemplates().find((x) => x.template_id === path.template_id);
    if (!t) return send(c, creatifyDetail(404, 'Not found.', 'not_found'));
    const { video_duration: _d, ...detail } = t;
    return ok(c, ops.custom_templates_retrieve, detail);
  });
}
