import { describe, expect, it } from 'vitest';
import { decodeWebhookBody, ReelkitError, WebhookPayloadError } from '../src/index.js';

describe('decodeWebhookBody', () => {
  it('decodes text, bytes and ArrayBuffers, and passes parsed JSON through', () => {
    const json = '{"id":"r1","status":"succeeded"}';
    const bytes = new TextEncoder().encode(json);
    expect(decodeWebhookBody(json)).toEqual({ id: 'r1', status: 'succeeded' });
    expect(decodeWebhookBody(bytes)).toEqual({ id: 'r1', status: 'succeeded' });
    expect(decodeWebhookBody(bytes.buffer)).toEqual({ id: 'r1', status: 'succeeded' });
    const parsed = { id: 'r1' };
    expect(decodeWebhookBody(parsed)).toBe(parsed);
  });

  it('turns a body that is not JSON into a WebhookPayloadError quoting its start', () => {
    const err = (() => {
      try {
        decodeWebhookBody('<html>gateway error</html>');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WebhookPayloadError);
    expect(err).toBeInstanceOf(ReelkitError);
    expect((err as Error).message).toContain('<html>gateway');
  });
});
