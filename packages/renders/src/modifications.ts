// Modification checking before a paid POST (on by default): a typo in a key would otherwise
// create a render of the template's default content. Template sources are fetched through the
// same core client (so the GETs count in its rate limiter) and trusted only for `cacheMs`, so a
// long-running server does not check against a template edited an hour ago.
import { validateModifications, type ModificationProblem, type RenderScript, type Template, type Templates } from '@reelkit/templates';
import type { CallOptions } from '@reelkit/core';
import { TemplateNotCheckableError } from './errors.js';
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

/** The template's source, or `TemplateNotCheckableError` when the API sent none: never a silent pass. */
async function checkableSource(lookup: TemplateLookup, id: string, options: CallOptions): Promise<RenderScript> {
  const t = await lookup(id, options);
  if (!t.source) throw new TemplateNotCheckableError(id, t.name);
  return t.source;
}

/** Problems every one of `perTemplate` has: a tags request makes one render per template, so a key need only fit one. */
function commonProblems(perTemplate: ModificationProblem[][]): ModificationProblem[] {
  if (perTemplate.length === 0) return [];
  const [first, ...rest] = perTemplate as [ModificationProblem[], ...ModificationProblem[][]];
  return first.filter((p) => rest.every((r) => r.some((q) => q.key === p.key && q.code === p.code)));
}

/** Every problem of `params.modifications` against the design it selects. */
export async function modificationProblems(
  params: CreateRenderParams,
  lookup: TemplateLookup,
  templates: Templates,
  options: CallOptions,
): Promise<ModificationProblem[]> {
  const mods = params.modifications ?? {};
  // No modifications: nothing can be misspelt, so no template is fetched.
  if (Object.keys(mods).length === 0) return [];
  if (params.source !== undefined) return validateModifications(params.source, mods);
  if (params.template_id !== undefined) return validateModifications(await checkableSource(lookup, params.template_id, options), mods);
  const list = await templates.list({ tags: params.tags ?? [] }, options);
  return commonProblems(await Promise.all(list.map(async (t) => validateModifications(await checkableSource(lookup, t.id, options), mods))));
}
