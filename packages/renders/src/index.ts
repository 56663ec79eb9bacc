// @reelkit/renders: the curated public surface (nothing is exported by `export *`). The webhook
// helpers are the `@reelkit/renders/webhooks` subpath (src/webhooks.ts): server-side code a browser
// app should not bundle.
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
export { batchTag } from './batch/tag.js';
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
export { DEFAULT_LEASE_MS, decideClaim, isStale, MemoryLedger, snapshotEntries, type ClaimResult, type LedgerEntry, type LedgerState, type SubmissionLedger } from './ledger.js';
