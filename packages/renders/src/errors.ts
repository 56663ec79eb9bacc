// Errors of this package. Pre-flight problems extend core's RequestValidationError, so one
// `catch (RequestValidationError)` covers everything refused before a request was sent, in every
// package; failures carry their vendor's reason under the same name as Creatify's (`reason`).
import { ReelkitError, RequestValidationError } from '@reelkit/core';
import type { ModificationProblem } from '@reelkit/templates';
import type { Render } from './types.js';

/** A render ended in `failed`. `reason` is Creatomate's `error_message`. */
export class RenderFailedError extends ReelkitError {
  override readonly name: string = 'RenderFailedError';
  readonly render: Render;
  /** Creatomate's explanation (its `error_message`), when it gave one. Same field as Creatify's `JobFailedError.reason`. */
  readonly reason: string | null;
  /** Every render that was waited for together with the failed one (final states). */
  readonly renders: Render[];

  constructor(render: Render, renders: Render[] = [render]) {
    super(`Render ${render.id} failed: ${render.error_message ?? '(no error message)'}`);
    this.render = render;
    this.reason = render.error_message ?? null;
    this.renders = renders;
  }

  /** @deprecated Alias of `reason` (the wire name), kept for existing callers. */
  get error_message(): string | null {
    return this.reason;
  }
}

/** The modifications do not fit the template (or inline source). Nothing was submitted. */
export class InvalidModificationsError extends RequestValidationError {
  override readonly name: string = 'InvalidModificationsError';
  readonly problems: ModificationProblem[];

  constructor(problems: ModificationProblem[]) {
    super(
      `Invalid modifications: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => ({ path: `body.modifications.${p.key}`, message: p.message })),
    );
    this.problems = problems;
  }
}

/**
 * Modification checking is on, but a template came back without its `source`, so its modifications
 * cannot be checked. Nothing was submitted; pass `checkModifications: false` to submit them unchecked.
 */
export class TemplateNotCheckableError extends RequestValidationError {
  override readonly name: string = 'TemplateNotCheckableError';
  readonly template_id: string;

  constructor(template_id: string, name?: string) {
    super(
      `Template ${template_id}${name ? ` (${JSON.stringify(name)})` : ''} came back without its source, so the modifications cannot be checked. Nothing was submitted; pass checkModifications: false to submit them unchecked.`,
      [{ path: 'body.template_id', message: 'template has no source to check modifications against' }],
    );
    this.template_id = template_id;
  }
}
