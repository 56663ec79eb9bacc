// Each vendor's own error bodies. Creatomate: `{hint, documentation_url}`; Creatify (Django REST
// Framework): 400 as a list of messages or a field → messages map, 401/403/404/429 as `{detail}`.
import type { z } from 'zod';

export type Vendor = 'creatomate' | 'creatify';

export const CREATOMATE_DOCS = 'https://creatomate.com/docs/api/rest-api/introduction';

export interface ErrorReply {
  status: 400 | 401 | 404 | 413 | 429 | 500;
  body: unknown;
}

export const creatomateError = (status: ErrorReply['status'], hint: string, documentation_url = CREATOMATE_DOCS): ErrorReply => ({
  status,
  body: { hint, documentation_url },
});

export const creatifyDetail = (status: ErrorReply['status'], detail: string, code?: string): ErrorReply => ({
  status,
  body: code ? { detail, code } : { detail },
});

/** A DRF-style 400: a list of non-field errors or a map from field to messages. */
export const creatifyValidation = (errors: string[] | Record<string, string[] | string>): ErrorReply => ({ status: 400, body: errors });

const pathText = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Creatomate's hint for a failed body/query check, one sentence per problem. */
export function creatomateHint(error: z.ZodError, what: string): string {
  const parts = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `Unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}.`;
    const where = pathText(issue.path);
    if (issue.code === 'invalid_value' && 'values' in issue) {
      return `The parameter '${where}' must be one of ${issue.values.map(String).join(', ')}.`;
    }
    return where ? `The parameter '${where}' is invalid: ${issue.message}.` : `The ${what} is invalid: ${issue.message}.`;
  });
  return parts.join(' ');
}

function drfMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required.';
  if (issue.code === 'invalid_type' && issue.input === null) return 'This field may not be null.';
  if (issue.code === 'invalid_value' && 'values' in issue) return `"${String(issue.input)}" is not a valid choice.`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `Ensure this field has no more than ${String(issue.maximum)} characters.`;
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'Enter a valid URL.';
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return 'Must be a valid UUID.';
  if (issue.code === 'invalid_type' && issue.expected === 'object') return `Expected a dictionary of items but got type "${typeof issue.input}".`;
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return 'Must be a valid boolean.';
  if (issue.code === 'invalid_type' && issue.expected === 'string') return 'Not a valid string.';
  return issue.message;
}

/** DRF's field map: top-level field → messages; nested problems are prefixed with their path. */
export function drfErrors(error: z.ZodError): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>; // field names come from the request
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') continue; // DRF ignores unknown fields
    const [field, ...rest] = issue.path.map(String);
    const key = field ?? 'non_field_errors';
    const message = rest.length ? `${rest.join('.')}: ${drfMessage(issue)}` : drfMessage(issue);
    (out[key] ??= []).push(message);
  }
  return out;
}
