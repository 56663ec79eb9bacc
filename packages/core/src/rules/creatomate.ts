// Creatomate's rules as data and small pure functions: the one copy that both the SDK packages
// (checking before anything is sent) and @reelkit/emulator (answering like the vendor) import.
// A rule written in two places drifts; add new ones here, not in a package or in the emulator.

export { MAX_BODY_BYTES, RATE_LIMIT } from './creatomate-limits.js';

export {
  ELEMENT_PROPERTIES,
  ELEMENT_TYPES,
  elementsOf,
  fillPlaceholder,
  indexSource,
  isRecord,
  mainPropertyOf,
  OUTPUT_FORMATS,
  placeholdersIn,
  propertiesOf,
  TOP_LEVEL_PROPERTIES,
  type ElementType,
  type Modifications,
  type OutputFormat,
  type Source,
  type SourceElement,
  type SourceIndex,
  type ValueKind,
} from './renderscript.js';
export {
  checkModifications,
  checkValue,
  describeValue,
  MAX_PATH_INDEX,
  MAX_PATH_SEGMENTS,
  resolveModificationKey,
  unsafeKeyReason,
  type ModificationProblem,
  type ModificationProblemCode,
  type ModificationTarget,
  type Resolution,
} from './modifications.js';
export {
  checkRenderRequest,
  DEFAULT_FRAME_RATE,
  durationOf,
  durationProblem,
  FRAME_RATE_RANGE,
  frameRateProblem,
  MAX_DURATION_SECONDS,
  pixelsOf,
  secondsOf,
} from './render-request.js';
export { closestMatch, editDistance, type Suggestion } from './suggest.js';
