// Public types, all derived from the spec's generated types (wire names as they are).
import type { components, operations } from '@reelkit/core/creatomate';
import type { Modifications, ModificationsFor, RenderScript } from '@reelkit/templates';
import type { CallOptions } from '@reelkit/core';

export type Render = components['schemas']['Render'];
export type RenderStatus = components['schemas']['RenderStatus'];
export type CreateRenderRequest = components['schemas']['CreateRenderRequest'];
export type ListRendersQuery = NonNullable<operations['listRenders']['parameters']['query']>;

/** Everything of a create request except what selects the design. */
export type RenderOptions = Omit<CreateRenderRequest, 'template_id' | 'source' | 'tags' | 'modifications'>;

/** By template: `modifications` is checked against the template's generated type when its id is registered. */
export type CreateFromTemplate<Id extends string = string> = RenderOptions & {
  template_id: Id;
  source?: never;
  tags?: never;
  modifications?: ModificationsFor<Id>;
};
/** From an inline RenderScript source. */
export type CreateFromSource = RenderOptions & { source: RenderScript; template_id?: never; tags?: never; modifications?: Modifications };
/** Every template carrying any of `tags` (one render per template). */
export type CreateFromTags = RenderOptions & { tags: string[]; template_id?: never; source?: never; modifications?: Modifications };

/** A create request: exactly one of `template_id`, `source` or `tags` (enforced here and at run time). */
export type CreateRenderParams<Id extends string = string> = CreateFromTemplate<Id> | CreateFromSource | CreateFromTags;

/** `renders.create` options: core's call options plus the modification check. */
export interface CreateOptions extends CallOptions {
  /**
   * Default true: check `modifications` against the template (fetched through the same client,
   * cached for `templateCacheMs`), the inline source, or the tagged templates before submitting;
   * throws `InvalidModificationsError` (a `RequestValidationError`) listing every problem, or
   * `TemplateNotCheckableError` when a template comes back without its `source`. false: send unchecked.
   */
  checkModifications?: boolean;
}

/** The statuses after which a render never changes. Any other status, one unknown to this SDK included, is not final. */
export const TERMINAL_STATUSES: readonly RenderStatus[] = ['succeeded', 'failed'];
export const isTerminal = (render: Pick<Render, 'status'>): boolean => (TERMINAL_STATUSES as readonly string[]).includes(render.status);
