// @reelkit/creatify: Creatify custom template jobs and templates on a @reelkit/core client.
// The curated public surface: nothing is exported by `export *` (the `vars` namespace aside).
export { createCreatify } from './client.js';
export type {
  CreateAndWaitOptions,
  Creatify,
  CreatifyJobs,
  CreatifyOptions,
  CreatifyTemplates,
  CustomTemplate,
  CustomTemplateDetail,
  CustomTemplateJob,
  JobWaitOptions,
  PreviewThenRenderOptions,
  PreviewThenRenderResult,
  Stage,
  SubmitOptions,
} from './types.js';
/** Variable value builders: `vars.text('…')`, `vars.image(url)`, `vars.avatar(id)`, … */
export * as vars from './vars.js';
export {
  isKnownVariable,
  validateVariables,
  VARIABLE_KINDS,
  type AudioVariable,
  type AvatarVariable,
  type ImageVariable,
  type KnownVariable,
  type OtherVariable,
  type TemplateVariable,
  type TemplateVariables,
  type TemplateWithVariables,
  type TextVariable,
  type VariableDetail,
  type VariableKind,
  type VariableProblem,
  type VariableProblemReason,
  type VideoVariable,
  type VoiceoverVariable,
} from './variables.js';
export { CREDIT_PRICES, CREDIT_ROUNDING_RULE, estimateCredits, type CreditEstimate, type CreditOperation, type CreditPrice, type EstimateCreditsInput, type ModelVersion } from './credits.js';
export { JobFailedError, VariablesError, WebhookNotConfirmedError } from './errors.js';
export { WebhookPayloadError } from '@reelkit/core';
export type { JobInput } from './input.js';
export { isTerminalStatus, TERMINAL_STATUSES, type JobStatus, type TerminalStatus } from './status.js';
export { parseJobWebhook, type JobWebhook } from './webhooks.js';
export { DEFAULT_WORDS_PER_SECOND, estimateJobCredits, type EstimateJobOptions, type JobCreditEstimate, type JobEstimateAssumption } from './estimate.js';
