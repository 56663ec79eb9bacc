// Reading the page's JSON requests. The vendor-facing checks are the packages' (core validates every
// request against the spec); this only makes sure the demo gets an object where it expects one.
import { DemoRequestError } from './errors.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new DemoRequestError('The request body is not JSON.', 'Send a JSON object.');
  }
  if (!isRecord(body)) throw new DemoRequestError('The request body is not a JSON object.', 'Send a JSON object.');
  return body;
}

/** `value` as an object of fields (absent → empty). */
export function recordOf(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new DemoRequestError(`${name} must be an object of field → value.`, 'Reload the page and fill the form again.');
  return value;
}
