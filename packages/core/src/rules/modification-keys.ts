// Which modification keys must never be applied (prototype segments, sparse-array indexes). Its own
// file so that checkRenderRequest, which runs before every create, does not pull in the key
// resolution and did-you-mean code of modifications.ts (a browser bundle loads that lazily).

/** Path segments that would reach an object's prototype instead of a property of its own. */
const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Largest index a key may name in a list (keyframes, fonts): a larger one is a sparse-array attack, not a template. */
export const MAX_PATH_INDEX = 9_999;
/** Most segments in one modification key (a template nests a handful). */
export const MAX_PATH_SEGMENTS = 32;

/**
 * Why a modification key must not be applied at all, or undefined when it is safe: more than
 * MAX_PATH_SEGMENTS segments, a segment `__proto__`, `constructor` or `prototype`, or an index segment
 * above MAX_PATH_INDEX. The SDK throws RequestValidationError naming the key; the emulator answers 400.
 */
export function unsafeKeyReason(key: string): string | undefined {
  const segments = key.split('.');
  if (segments.length > MAX_PATH_SEGMENTS) return `it has ${segments.length} segments (at most ${MAX_PATH_SEGMENTS})`;
  const proto = segments.find((s) => UNSAFE_SEGMENTS.has(s));
  if (proto !== undefined) return `the segment '${proto}' is not allowed`;
  // The first segment is a name, not an index: an element may be called "2024".
  const index = segments.slice(1).find((s) => /^\d+$/.test(s) && Number(s) > MAX_PATH_INDEX);
  if (index !== undefined) return `the index ${index.length > 12 ? `${index.slice(0, 12)}…` : index} is out of range (at most ${MAX_PATH_INDEX})`;
  return undefined;
}
