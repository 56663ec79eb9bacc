export {
  signWebhookUrl,
  verifyWebhookUrl,
  WEBHOOK_KEY_PARAM,
  WEBHOOK_SIGNATURE_PARAM,
  type WebhookSecret,
  type WebhookUrlVerification,
} from './webhook-url.js';
