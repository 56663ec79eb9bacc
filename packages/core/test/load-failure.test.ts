// A client that checks responses loads the response schemas on its first call. When that load fails (a
// browser chunk that could not be fetched), the call rejects with a ReelkitError before anything is
// sent, and the next call tries the load again.
import { expect, it } from 'vitest';
import { createApiClient } from '../src/client.js';
import { ReelkitError } from '../src/errors.js';
import { requestSchemas } from '../src/generated/creatomate/requests.js';
import { json, render, startServer } from './helpers.js';

it('a failed response-schema load is a ReelkitError, nothing is sent, and the next call loads again', async () => {
  const server = await startServer((_req, res) => json(res, 200, render()));
  let attempts = 0;
  const client = createApiClient(
    {
      vendor: 'creatomate',
      baseUrl: `${server.url}/v1`,
      authHeaders: { Authorization: 'Bearer load-failure-key' },
      secrets: ['load-failure-key'],
      credential: 'load-failure-key',
      operations: requestSchemas,
      loadResponses: async () => {
        if (++attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return (await import('../src/generated/creatomate/responses.js')).responseSchemas;
      },
      maxBodyBytes: 5 * 1024 * 1024,
      defaultRateLimit: false,
    },
    { logLevel: 'off' },
  );
  const get = () => (client as unknown as { GET: (p: string, i: unknown) => Promise<{ id: string }> }).GET('/renders/{id}', { params: { path: { id: render().id } } });
  const first = await get().catch((e: unknown) => e);
  expect(first).toBeInstanceOf(ReelkitError);
  expect((first as ReelkitError).message).toMatch(/response schemas/);
  expect((first as ReelkitError).maybeSubmitted).toBe(false);
  expect(server.received).toHaveLength(0);
  await expect(get()).resolves.toMatchObject({ id: render().id });
  expect(attempts).toBe(2);
  await server.close();
});
