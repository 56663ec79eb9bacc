// Limits of a job request, checked before the network so a bad request costs no round trip and
// the message names the field. The limits are the spec's (CustomTemplateJobInput).
import type { components } from '@reelkit/core/creatify';

export type JobInput = components['schemas']['CustomTemplateJobInput'];

export interface InputProblem {
  /** Wire name of the field, e.g. `webhook_url`. */
  field: string;
  message: string;
}

export const INPUT_LIMITS = { name: 255, webhook_url: 200 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID in the 8-4-4-4-12 hex form Creatify uses for ids. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Every limit `input` breaks (empty = within limits). Values of variables are checked by `validateVariables`. */
export function checkJobInput(input: unknown): InputProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: '', message: 'the job input must be an object with template_id and variables' }];
  }
  const { template_id, variables, name, webhook_url } = input as Record<string, unknown>;
  const problems: InputProblem[] = [];

  if (!isUuid(template_id)) {
    problems.push({ field: 'template_id', message: `template_id must be a UUID, got ${describe(template_id)}` });
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    problems.push({ field: 'variables', message: `variables must be an object of variable name → value, got ${describe(variables)}` });
  } else if (Object.keys(variables).length === 0) {
    problems.push({ field: 'variables', message: 'variables must not be empty' });
  }
  if (name != null) {
    if (typeof name !== 'string') problems.push({ field: 'name', message: `name must be a string, got ${describe(name)}` });
    else if (name.length > INPUT_LIMITS.name) {
      problems.push({ field: 'name', message: `name must be at most ${INPUT_LIMITS.name} characters, got ${name.length}` });
    }
  }
  if (webhook_url != null) {
    if (typeof webhook_url !== 'string') {
      problems.push({ field: 'webhook_url', message: `webhook_url must be a string, got ${describe(webhook_url)}` });
    } else {
      if (webhook_url.length > INPUT_LIMITS.webhook_url) {
        problems.push({ field: 'webhook_url', message: `webhook_url must be at most ${INPUT_LIMITS.webhook_url} characters, got ${webhook_url.length}` });
      }
      if (!isHttpUrl(webhook_url)) {
        // The URL itself stays out of the message: it may carry a secret token.
        problems.push({ field: 'webhook_url', message: 'webhook_url must be an absolute http(s) URL' });
      }
    }
  }
  return problems;
}

/** An absolute http(s) URL: what Creatify can fetch media from or deliver webhooks to. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return typeof value;
}
