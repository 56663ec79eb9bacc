// Creatomate does not sign webhooks, so anyone who learns the receiver URL can POST a fake Render.
// reelkit puts an HMAC token into the webhook URL itself: the receiver checks the token (proving the
// URL came from whoever holds the secret, for this render key) and then re-fetches the render
// (`confirmRenderWebhook`) so the payload's claims are never trusted. Web Crypto only, so this runs
// in Node, browsers, Deno, Bun and edge runtimes.
import { RequestValidationError } from '@reelkit/core';

/** Query parameter carrying the caller's key for the render (e.g. an order id). */
export const WEBHOOK_KEY_PARAM = 'reelkit_key';
/** Query parameter carrying the HMAC-SHA256 token (base64url). */
export const WEBHOOK_SIGNATURE_PARAM = 'reelkit_sig';

export type WebhookSecret = string | Uint8Array;

export type WebhookUrlVerification =
  | { valid: true; renderKey: string }
  | { valid: false; reason: 'missing_signature' | 'bad_signature' };

const encoder = new TextEncoder();

async function hmacKey(secret: WebhookSecret): Promise<CryptoKey> {
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw new RequestValidationError('secret: the webhook secret must be a string or bytes.', [{ path: 'secret', message: 'expected a string or a Uint8Array' }]);
  }
  const raw = typeof secret === 'string' ? encoder.encode(secret) : secret;
  if (raw.byteLength === 0) throw new RequestValidationError('secret: the webhook secret must not be empty.', [{ path: 'secret', message: 'must not be empty' }]);
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/**
 * What the token covers: the path and the sorted query without the token. Scheme and host are left
 * out on purpose: behind a proxy or TLS terminator the receiver sees a different origin than the
 * one Creatomate called.
 */
function signedMessage(url: URL): Uint8Array<ArrayBuffer> {
  const params = new URLSearchParams(url.search);
  params.delete(WEBHOOK_SIGNATURE_PARAM);
  params.sort();
  return encoder.encode(`v1\n${url.pathname}\n${params.toString()}`);
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The bytes of a base64url text, or undefined when it is not valid base64url (the token is attacker input). */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let binary: string;
  try {
    // Throws InvalidCharacterError for an impossible length (one character past a multiple of 4).
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    return undefined;
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** `new URL(url)`, refusing a relative or malformed URL as a RequestValidationError (never a bare TypeError). */
function absoluteUrl(url: string | URL): URL {
  try {
    return new URL(url);
  } catch {
    throw new RequestValidationError('url: expected an absolute http(s) URL', [{ path: 'url', message: 'expected an absolute URL' }]);
  }
}

/** An absolute URL or what a server sees as the request target (`/hooks/creatomate?…`); undefined when it cannot be parsed (it is attacker input). */
function parse(url: string | URL): URL | undefined {
  try {
    return new URL(url, 'http://receiver.invalid');
  } catch {
    return undefined;
  }
}

/**
 * Returns `url` with `reelkit_key=<renderKey>` and an HMAC token added; pass the result as the
 * render's `webhook_url`. `renderKey` is your own identifier for the work (an order id, a batch
 * item key): the receiver gets it back from `verifyWebhookUrl` only if the token is valid.
 */
export async function signWebhookUrl(url: string | URL, secret: WebhookSecret, renderKey: string): Promise<string> {
  const out = absoluteUrl(url);
  out.searchParams.delete(WEBHOOK_SIGNATURE_PARAM);
  out.searchParams.set(WEBHOOK_KEY_PARAM, renderKey);
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), signedMessage(out));
  out.searchParams.set(WEBHOOK_SIGNATURE_PARAM, toBase64Url(signature));
  return out.toString();
}

/**
 * Checks the token in a webhook request's URL (absolute, or the path and query a server receives).
 * Constant-time (Web Crypto `verify`). A valid token proves the URL was signed with `secret`; it
 * says nothing about the body, and a signed URL is visible in its render's `webhook_url`: confirm
 * with `renders.confirmRenderWebhook(body, { renderKey, secret })`, which re-fetches the render and
 * checks that it belongs to this key.
 */
export async function verifyWebhookUrl(url: string | URL, secret: WebhookSecret): Promise<WebhookUrlVerification> {
  const parsed = parse(url);
  if (!parsed) return { valid: false, reason: 'missing_signature' };
  const token = parsed.searchParams.get(WEBHOOK_SIGNATURE_PARAM);
  const renderKey = parsed.searchParams.get(WEBHOOK_KEY_PARAM);
  if (token === null || renderKey === null) return { valid: false, reason: 'missing_signature' };
  const signature = fromBase64Url(token);
  if (!signature) return { valid: false, reason: 'bad_signature' };
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, signedMessage(parsed));
  return ok ? { valid: true, renderKey } : { valid: false, reason: 'bad_signature' };
}
