// @reelkit/renders/webhooks: the server side of webhooks — signing the webhook URL when creating,
// checking it and parsing the body when receiving. A subpath, not the root: a browser app that
// creates and follows renders never bundles them (esbuild and friends split by file, and a root
// re-export keeps a file on the app's up-front path). `renders.confirmRenderWebhook` loads the same
// code on its first call.
export { parseRenderWebhook, WebhookPayloadError, WebhookRenderMismatchError } from './webhook.js';
export {
  signWebhookUrl,
  verifyWebhookUrl,
  WEBHOOK_KEY_PARAM,
  WEBHOOK_SIGNATURE_PARAM,
  type WebhookSecret,
  type WebhookUrlVerification,
} from './webhook-url.js';
