// Template operations on a core client: one client (one rate limiter, one logger) for everything.
import { pickCallOptions, RequestValidationError, type CallOptions, type CreatomateClient } from '@reelkit/core';
import type { operations } from '@reelkit/core/creatomate';
import type { Template } from './renderscript.js';

type ListQuery = NonNullable<operations['listTemplates']['parameters']['query']>;

export interface ListTemplatesParams extends Omit<ListQuery, 'tags'> {
  /** Only templates carrying any of these tags (sent comma-separated, as the API expects). */
  tags?: string | readonly string[];
}

/** Per-request options: core's `CallOptions` (`timeoutMs` is per attempt). */
export type RequestOptions = CallOptions;

/** Options of `createTemplates` (none yet: the parameter keeps every factory `createX(client, options?)`). */
export type TemplatesOptions = Record<never, never>;

export interface Templates {
  /** `GET /templates`: metadata of every template (no `source`; use `get` for that). */
  list(params?: ListTemplatesParams, options?: RequestOptions): Promise<Template[]>;
  /** `GET /templates/{id}`: one template with its RenderScript `source`. */
  get(id: string, options?: RequestOptions): Promise<Template>;
}

const refuse = (path: string, message: string): never => {
  throw new RequestValidationError(`${path}: ${message}`, [{ path, message }]);
};

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** The list query as the API takes it; malformed params (from JavaScript or JSON) are refused by field, before any request. */
function listQuery(params: unknown): ListQuery {
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return refuse('params', `expected an object, got ${kind(params)}`);
  const { tags, ...rest } = params as ListTemplatesParams;
  const query: ListQuery = { ...rest };
  if (tags === undefined) return query;
  if (typeof tags === 'string') query.tags = tags;
  else if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) query.tags = tags.join(',');
  else refuse('tags', `expected a string or an array of strings, got ${kind(tags)}`);
  return query;
}

export function createTemplates(client: CreatomateClient, _options: TemplatesOptions = {}): Templates {
  return {
    // Only the call options go to core (never the caller's object spread): a stray `body` or
    // `params` in them cannot change what is sent.
    async list(params, options) {
      return client.GET('/templates', { params: { query: listQuery(params) }, ...pickCallOptions(options) });
    },
    async get(id, options) {
      if (typeof id !== 'string' || id === '') refuse('id', `expected a template id (a non-empty string), got ${kind(id)}`);
      return client.GET('/templates/{id}', { params: { path: { id } }, ...pickCallOptions(options) });
    },
  };
}
