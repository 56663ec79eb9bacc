// Limits of a job request, checked before the network so a bad request costs no round trip and
// the message names the field. The limits are the spec's (CustomTemplateJobInput), applied by
// @reelkit/core/rules/creatify through the generated schema.
import type { components } from '@reelkit/core/creatify';
import { checkJobInput as checkJobInputRule } from '@reelkit/core/rules/creatify';

export { isHttpUrl, isUuid } from '@reelkit/core/rules/creatify';

export type JobInput = components['schemas']['CustomTemplateJobInput'];

export interface InputProblem {
  /** Wire name of the field, e.g. `webhook_url` (empty for the input as a whole). */
  field: string;
  message: string;
}

/** Every limit `input` breaks (empty = within limits). Values of variables are checked by `validateVariables`. */
export function checkJobInput(input: unknown): InputProblem[] {
  return checkJobInputRule(input).map(({ path, message }) => ({ field: path === '(root)' ? '' : path, message }));
}
