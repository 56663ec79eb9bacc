// Pre-flight checks of the arguments callers pass (JavaScript callers, or values from JSON): a
// malformed argument is a RequestValidationError naming the field, before any request is sent.
import { RequestValidationError } from '@reelkit/core';

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

const refuse = (path: string, message: string): never => {
  throw new RequestValidationError(`${path}: ${message}`, [{ path, message }]);
};

/** A job or template id: a non-empty string (its format is checked by core against the spec). */
export function checkId(id: unknown, path = 'id'): asserts id is string {
  if (typeof id !== 'string' || id === '') refuse(path, `expected an id (a non-empty string), got ${describe(id)}`);
}

/** An options argument, when given, is an object. */
export function checkOptions(options: unknown, path = 'options'): void {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    refuse(path, `expected an options object, got ${describe(options)}`);
  }
}
