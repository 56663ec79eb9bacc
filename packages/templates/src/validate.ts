// Checks `modifications` against a template's source before credits are spent. Creatomate ignores a
// key that matches nothing (and takes any value), so a typo or a renamed element silently renders the
// template's default content. The rule is @reelkit/core/rules/creatomate's, the one the emulator applies.
import { checkModifications, type ModificationProblem } from '@reelkit/core/rules/creatomate';
import type { Modifications, SpecSource } from './renderscript.js';

export type { ModificationProblem, ModificationProblemCode } from '@reelkit/core/rules/creatomate';

/**
 * Returns every problem with `modifications` for this `source` (a template's RenderScript): keys
 * that match nothing (with a "did you mean" suggestion), keys refused as unsafe (`__proto__`, huge
 * indexes), properties the element kind does not have, and values of the wrong kind. An empty list
 * means every key addresses something and every checked value fits.
 */
export function validateModifications(source: SpecSource, modifications: Modifications): ModificationProblem[] {
  return checkModifications(source, modifications);
}
