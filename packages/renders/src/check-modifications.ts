// The modification check proper, loaded by renders.ts with a dynamic import() only when a create
// has modifications to check: it brings validateModifications and the RenderScript addressing and
// did-you-mean rules it uses, which a plain create/get/waitFor never needs.
import { validateModifications, type ModificationProblem, type RenderScript, type Templates } from '@reelkit/templates';
import type { CallOptions } from '@reelkit/core';
import { TemplateNotCheckableError } from './errors.js';
import { hasModifications, type TemplateLookup } from './modifications.js';
import type { CreateRenderParams } from './types.js';

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
  if (!hasModifications(params)) return [];
  if (params.source !== undefined) return validateModifications(params.source, mods);
  if (params.template_id !== undefined) return validateModifications(await checkableSource(lookup, params.template_id, options), mods);
  const list = await templates.list({ tags: params.tags ?? [] }, options);
  return commonProblems(await Promise.all(list.map(async (t) => validateModifications(await checkableSource(lookup, t.id, options), mods))));
}
