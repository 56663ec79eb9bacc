// @reelkit/renders: the curated public surface (nothing is exported by `export *`).
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
export { batchTag } from './batch/reconcile.js';
export type { BatchOptions, BatchProgress, BatchResult, BatchStatus, BatchSummary } from './batch/types.js';
export { parseRenderWebhook, WebhookPayloadError, WebhookRenderMismatchError } from './webhook.js';
export {
  signWebhookUrl,
  verifyWebhookUrl,
  WEBHOOK_KEY_PARAM,
  WEBHOOK_SIGNATURE_PARAM,
  type WebhookSecret,
  type WebhookUrlVerification,
} from './webhook-url.js';
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
