// Limits of a custom template job request. The field limits (template_id a UUID, name ≤ 255,
// webhook_url an http(s) URL ≤ 200) are the spec's, checked through the generated schema, never copied.
import type { ValidationIssue } from '../errors.js';
import { zCustomTemplateJobInput } from '../generated/creatify/index.js';
import { check } from '../validation.js';

/**
 * Every reason the job input breaks a limit, as issues naming the field (empty = within limits).
 * Beyond the schema: `variables` must not be empty (a job of a template with no values is a mistake,
 * not a render). Values of variables are checked against the template by checkVariables.
 */
export function checkJobInput(input: unknown): ValidationIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ path: '(root)', message: 'the job input must be an object with template_id and variables' }];
  }
  const issues = check(zCustomTemplateJobInput, input, '');
  const { variables } = input as { variables?: unknown };
  if (typeof variables === 'object' && variables !== null && !Array.isArray(variables) && Object.keys(variables).length === 0) {
    issues.push({ path: 'variables', message: 'variables must not be empty' });
  }
  return issues;
}

/** True when `value` is a UUID, by the spec's own format for ids. */
export function isUuid(value: unknown): value is string {
  return zCustomTemplateJobInput.shape.template_id.safeParse(value).success;
}
