import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '@reelkit/core';
import { signWebhookUrl, verifyWebhookUrl } from '../src/webhooks.js';

const secret = 'test-secret-0123456789abcdef';

describe('signWebhookUrl / verifyWebhookUrl', () => {
  it('round-trips the render key through a signed URL, absolute or as a request target', async () => {
    const signed = await signWebhookUrl('https://app.example.com/hooks/creatomate?tenant=7', secret, 'order-42');
    const url = new URL(signed);
    expect(url.searchParams.get('tenant')).toBe('7');
    expect(url.searchParams.get('reelkit_key')).toBe('order-42');
    expect(url.searchParams.get('reelkit_sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifyWebhookUrl(signed, secret)).toEqual({ valid: true, renderKey: 'order-42' });
    // What a node:http server sees as req.url, behind a proxy on another host.
    expect(await verifyWebhookUrl(url.pathname + url.search, secret)).toEqual({ valid: true, renderKey: 'order-42' });
  });

  it('accepts a Uint8Array secret', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const signed = await signWebhookUrl('http://127.0.0.1:1/h', bytes, 'k');
    expect(await verifyWebhookUrl(signed, bytes)).toMatchObject({ valid: true });
  });

  it('rejects a changed render key, path, extra parameter or token, and another secret', async () => {
    const signed = new URL(await signWebhookUrl('https://app.example.com/hooks?x=1', secret, 'order-42'));
    const variant = (f: (u: URL) => void) => {
      const u = new URL(signed);
      f(u);
      return u.toString();
    };
    const forged = [
      variant((u) => u.searchParams.set('reelkit_key', 'order-43')),
      variant((u) => (u.pathname = '/other')),
      variant((u) => u.searchParams.set('x', '2')),
      variant((u) => u.searchParams.append('y', '1')),
      variant((u) => u.searchParams.set('reelkit_sig', u.searchParams.get('reelkit_sig')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))),
      variant((u) => u.searchParams.set('reelkit_sig', '!!!')),
    ];
    for (const url of forged) expect(await verifyWebhookUrl(url, secret)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(await verifyWebhookUrl(signed, 'another-secret')).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('reports a token that is not valid base64url (e.g. one character) as bad_signature instead of throwing', async () => {
    const signed = new URL(await signWebhookUrl('https://app.example.com/hooks', secret, 'order-42'));
    for (const token of ['A', 'AAAAA', 'A-_', '']) {
      signed.searchParams.set('reelkit_sig', token);
      expect(await verifyWebhookUrl(signed, secret)).toEqual({ valid: false, reason: 'bad_signature' });
    }
  });

  it('reports a URL without token as missing_signature', async () => {
    expect(await verifyWebhookUrl('/hooks?reelkit_key=a', secret)).toEqual({ valid: false, reason: 'missing_signature' });
  });

  it('does not depend on query parameter order', async () => {
    const signed = new URL(await signWebhookUrl('https://a.test/h?b=2&a=1', secret, 'k'));
    const reordered = new URL(signed);
    reordered.search = '';
    for (const [k, v] of [...signed.searchParams].reverse()) reordered.searchParams.append(k, v);
    expect(await verifyWebhookUrl(reordered, secret)).toMatchObject({ valid: true });
  });

  it('refuses an empty secret', async () => {
    await expect(signWebhookUrl('https://a.test/h', '', 'k')).rejects.toThrow(/must not be empty/);
  });

  it('reports a request target that is not a URL at all as missing_signature instead of throwing', async () => {
    expect(await verifyWebhookUrl('//[', secret)).toEqual({ valid: false, reason: 'missing_signature' });
  });

  it('refuses a secret that is neither a string nor bytes as a RequestValidationError', async () => {
    const error = await signWebhookUrl('https://a.test/h', undefined as unknown as string, 'k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues).toEqual([expect.objectContaining({ path: 'secret' })]);
  });
});
