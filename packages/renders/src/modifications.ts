// Modification checking before a paid POST (on by default): a typo in a key would otherwise
// create a render of the template's default content. Template sources are fetched through the
// same core client (so the GETs count in its rate limiter) and trusted only for `cacheMs`, so a
// long-running server does not check against a template edited an hour ago. The check itself
// (check-modifications.ts, with the RenderScript addressing and did-you-mean) is loaded lazily.
import type { Template, Templates } from '@reelkit/templates';
import type { CallOptions } from '@reelkit/core';
import type { CreateRenderParams } from './types.js';

/** Default lifetime of a cached template source: 5 minutes. */
export const DEFAULT_TEMPLATE_CACHE_MS = 5 * 60_000;

export interface TemplateCacheOptions {
  /** How long a fetched template is trusted, in ms (0: fetch for every check). */
  cacheMs: number;
  /** The cache's clock (ms). */
  now: () => number;
}

/** A per-client cache of templates by id, each entry valid for `cacheMs`; failed fetches are not kept. */
export function templateCache(templates: Templates, { cacheMs, now }: TemplateCacheOptions) {
  const entries = new Map<string, { at: number; template: Promise<Template> }>();
  return (id: string, options: CallOptions): Promise<Template> => {
    const hit = entries.get(id);
    if (hit && now() - hit.at < cacheMs) return hit.template;
    const template = templates.get(id, options);
    entries.set(id, { at: now(), template });
    template.catch(() => entries.delete(id));
    return template;
  };
}

export type TemplateLookup = ReturnType<typeof templateCache>;

/** True when the request sets modifications: without any nothing can be misspelt, so nothing is fetched or loaded. */
export function hasModifications(params: CreateRenderParams): boolean {
  return Object.keys(params.modifications ?? {}).length > 0;
}
