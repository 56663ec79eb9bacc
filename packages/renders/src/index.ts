export {
  createRenders,
  DEFAULT_WAIT_INTERVAL,
  type ConfirmWebhookOptions,
  type CreateOptions,
  type Renders,
  type RequestOptions,
  type WaitOptions,
} from './renders.js';
export { InvalidModificationsError, RenderFailedError, TemplateNotCheckableError } from './errors.js';
export { maybeSubmitted, type BatchOptions, type BatchResult } from './batch.js';
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
  type CreateRenderParams,
  type CreateRenderRequest,
  type ListRendersQuery,
  type Render,
  type RenderOptions,
  type RenderStatus,
} from './types.js';
export { decideClaim, isStale, MemoryLedger, type ClaimResult, type LedgerEntry, type LedgerState, type SubmissionLedger } from './ledger.js';
