// The emulator's own limits against hostile input: checks that run before any recursive walk, zod
// parse or modification, so one request cannot take the process down or hold the event loop.

/** Deepest nesting of arrays/objects accepted in a JSON body (RenderScript needs a handful of levels). */
export const MAX_JSON_DEPTH = 64;

/** Largest array index a modification path may name (a sparse `elements.100000000` would allocate). */
export const MAX_PATH_INDEX = 9_999;

/** Most segments in one modification key. */
export const MAX_PATH_SEGMENTS = 32;

// TODO(rules): switch to the shared path rule in @reelkit/core/rules/creatomate once it lands.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The nesting depth of `text` as JSON, counted without parsing (strings skipped), stopping at the
 * first level past `limit`. Iterative, so a 50,000-level body costs one linear scan, not a stack.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** Why a modification key may not be applied, or undefined when it may. */
export function badModificationPath(key: string): string | undefined {
  const segments = key.split('.');
  if (segments.length > MAX_PATH_SEGMENTS) return `it has ${segments.length} segments (at most ${MAX_PATH_SEGMENTS})`;
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) return `the segment '${segment}' is not allowed`;
    if (/^\d+$/.test(segment) && Number(segment) > MAX_PATH_INDEX) return `the index ${segment} is out of range (at most ${MAX_PATH_INDEX})`;
  }
  return undefined;
}
