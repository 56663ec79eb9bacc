// Creatify's rules as data and small pure functions: the one copy that both the SDK packages
// (checking before anything is sent) and @reelkit/emulator (answering like the vendor) import.
// A rule written in two places drifts; add new ones here, not in a package or in the emulator.

/** Largest request body the API accepts, in bytes (larger ones are answered 413). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export {
  checkVariables,
  isHttpUrl,
  MEDIA_KINDS,
  mustBeGiven,
  VARIABLE_KINDS,
  type VariableDetail,
  type VariableKind,
  type VariableProblem,
  type VariableProblemReason,
} from './creatify-variables.js';
export {
  billedBlocks,
  CREDIT_PRICES,
  CREDIT_ROUNDING_RULE,
  creditsFor,
  priceOf,
  type CreditOperation,
  type CreditPrice,
  type ModelVersion,
} from './creatify-prices.js';
export { checkJobInput, isUuid } from './creatify-input.js';
export { closestMatch, editDistance, type Suggestion } from './suggest.js';
