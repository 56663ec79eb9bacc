// The emulator's own limits against hostile input: checks that run before any recursive walk, zod
// parse or modification, so one request cannot take the process down or hold the event loop.

import { MAX_DURATION_SECONDS } from '@reelkit/core/rules/creatomate';

/** The emulator refuses to produce files larger than this on either side (a render with it fails). */
export const MAX_DIMENSION = 8192;
/** …or with more pixels than this (twice 4K UHD), so one request cannot tie the process up for minutes. */
export const MAX_PIXELS = 2 * 3840 * 2160;
/** Longest video the emulator renders: Creatomate's limit (the shared rule). */
export const MAX_VIDEO_SECONDS = MAX_DURATION_SECONDS;

/** Deepest nesting of arrays/objects accepted in a JSON body (RenderScript needs a handful of levels). */
export const MAX_JSON_DEPTH = 64;

// Modification-path limits (prototype segments, index and segment bounds) are vendor rules, shared with
// the SDK: @reelkit/core/rules/creatomate's unsafeKeyReason, applied through checkRenderRequest.

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
