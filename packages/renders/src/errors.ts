import { ReelkitError } from '@reelkit/core';
import type { ModificationProblem } from '@reelkit/templates';
import type { Render } from './types.js';

/** A render ended in `failed`. Carries the render and Creatomate's `error_message`. */
export class RenderFailedError extends ReelkitError {
  override readonly name: string = 'RenderFailedError';
  readonly render: Render;
  readonly error_message: string | null;
  /** Every render that was waited for together with the failed one (final states). */
  readonly renders: Render[];

  constructor(render: Render, renders: Render[] = [render]) {
    super(`Render ${render.id} failed: ${render.error_message ?? '(no error message)'}`);
    this.render = render;
    this.error_message = render.error_message ?? null;
    this.renders = renders;
  }
}

/** `validate: true` found modification keys or values that do not fit the template. Nothing was submitted. */
export class InvalidModificationsError extends ReelkitError {
  override readonly name: string = 'InvalidModificationsError';
  readonly problems: ModificationProblem[];

  constructor(problems: ModificationProblem[]) {
    super(`Invalid modifications: ${problems.map((p) => p.message).join('; ')}`);
    this.problems = problems;
  }
}

/**
 * `validate: true`, but a template came back without its `source`, so its modifications cannot be
 * checked. Nothing was submitted; create without `validate` to submit them unchecked.
 */
export class TemplateNotCheckableError extends ReelkitError {
  override readonly name: string = 'TemplateNotCheckableError';
  readonly template_id: string;

  constructor(template_id: string, name?: string) {
    super(
      `validate: true, but template ${template_id}${name ? ` (${JSON.stringify(name)})` : ''} came back without its source, so the modifications cannot be checked. Nothing was submitted; create without validate to submit them unchecked.`,
    );
    this.template_id = template_id;
  }
}
