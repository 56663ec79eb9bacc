// @reelkit/renders: the curated public surface (nothing is exported by `export *`). The webhook
// helpers are the `@reelkit/renders/webhooks` subpath (src/webhooks.ts) and the ledger's values the
// `@reelkit/renders/ledger` subpath (src/ledger.ts): code a browser app creating renders should not bundle.
export {
  createRenders,
  type ConfirmWebhookOptions,
  type CreateAndWaitOptions,
  type Renders,
  type RendersOptions,
} from './renders.js';
export { DEFAULT_WAIT_INTERVAL, type RenderWaitOptions } from './wait.js';
export { DEFAULT_TEMPLATE_CACHE_MS } from './modifications.js';
export { InvalidModificationsError, RenderFailedError, TemplateNotCheckableError } from './errors.js';
export type { BatchOptions, BatchProgress, BatchResult, BatchStatus, BatchSummary } from './batch/types.js';
export {
  isTerminal,
  TERMINAL_STATUSES,
  type CreateFromSource,
  type CreateFromTags,
  type CreateFromTemplate,
  type CreateOptions,
  type CreateRenderParams,
  type CreateRenderRequest,
  type ListRendersQuery,
  type Render,
  type RenderOptions,
  type RenderStatus,
} from './types.js';
// Types only (`export type` leaves no import behind): the ledger's values are the `./ledger` subpath.
export type { ClaimResult, LedgerEntry, LedgerState, SubmissionLedger } from './ledger.js';
