// Credentials are normalised once, when a client is built: the value sent is the value redacted.
import { RequestValidationError } from './errors.js';

// Any control character (C0, DEL, C1): a header cannot carry it, and it means the key was pasted or
// read wrongly (a newline inside a file's content).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Trims `value` (a key read from a file often ends in `\n` or `\r\n`) and refuses one with a control
 * character or a non-Latin-1 character inside. The error names the option and never shows the key.
 */
export function normalizeKey(value: string, option: string): string {
  if (typeof value !== 'string') throw invalid(option, 'must be a string');
  const key = value.trim();
  if (key === '') throw invalid(option, 'is empty');
  if (CONTROL.test(key)) throw invalid(option, 'contains a newline or another control character (check how it was read or pasted)');
  // fetch refuses header values above U+00FF with a TypeError that would echo part of it.
  if ([...key].some((c) => c.charCodeAt(0) > 0xff)) throw invalid(option, 'contains a character that cannot be sent in an HTTP header');
  return key;
}

function invalid(option: string, problem: string): RequestValidationError {
  const message = `The ${option} ${problem}; the value is not shown.`;
  return new RequestValidationError(message, [{ path: option, message: problem }]);
}
