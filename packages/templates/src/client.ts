// Template operations on a core client: one client (one rate limiter, one logger) for everything.
import type { CallOptions, CreatomateClient } from '@reelkit/core';
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

export function createTemplates(client: CreatomateClient, _options: TemplatesOptions = {}): Templates {
  return {
    list(params = {}, options = {}) {
      const { tags, ...rest } = params;
      const query: ListQuery = { ...rest };
      if (tags !== undefined) query.tags = typeof tags === 'string' ? tags : tags.join(',');
      return client.GET('/templates', { params: { query }, ...options });
    },
    get(id, options = {}) {
      return client.GET('/templates/{id}', { params: { path: { id } }, ...options });
    },
  };
}
