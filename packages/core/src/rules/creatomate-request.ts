// The part of Creatomate's rules that runs before every create (`checkRenderRequest`), on its own
// subpath (`@reelkit/core/rules/creatomate-request`) so a browser bundle of @reelkit/renders does not
// load the RenderScript addressing and did-you-mean code with it. `./creatomate.js` exports all of it too.
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
