// Creatify client: `X-API-ID` + `X-API-KEY` headers. Creatify publishes no rate limit, so client-side
// limiting is off unless `rateLimit` is given.
import { createApiClient, type ApiClient, type ClientOptions } from './client.js';
import { readEnv } from './env.js';
import { ReelkitError } from './errors.js';
import { requestSchemas } from './generated/creatify/requests.js';
import { normalizeKey } from './keys.js';
import { MAX_BODY_BYTES } from './rules/creatify.js';
import type { paths } from './generated/creatify/types.js';

export const CREATIFY_DEFAULT_BASE_URL = 'https://api.creatify.ai';

export interface CreatifyClientOptions extends ClientOptions {
  /** Default: CREATIFY_API_ID. */
  apiId?: string;
  /** Default: CREATIFY_API_KEY. */
  apiKey?: string;
}

export type CreatifyClient = ApiClient<paths, 'creatify'>;

export function createCreatifyClient(options: CreatifyClientOptions = {}): CreatifyClient {
  const givenId = options.apiId ?? readEnv('CREATIFY_API_ID');
  const givenKey = options.apiKey ?? readEnv('CREATIFY_API_KEY');
  const missing = [givenId?.trim() ? undefined : 'CREATIFY_API_ID (option apiId)', givenKey?.trim() ? undefined : 'CREATIFY_API_KEY (option apiKey)'].filter(Boolean);
  if (!givenId?.trim() || !givenKey?.trim()) {
    throw new ReelkitError(`Missing Creatify credentials: set ${missing.join(' and ')}.`);
  }
  // Normalised once: the headers carry, and the redactor looks for, the same values.
  const apiId = normalizeKey(givenId, options.apiId === undefined ? 'CREATIFY_API_ID' : 'apiId option');
  const apiKey = normalizeKey(givenKey, options.apiKey === undefined ? 'CREATIFY_API_KEY' : 'apiKey option');
  return createApiClient<paths, 'creatify'>(
    {
      vendor: 'creatify',
      baseUrl: options.baseUrl ?? readEnv('REELKIT_CREATIFY_URL') ?? CREATIFY_DEFAULT_BASE_URL,
      authHeaders: { 'X-API-ID': apiId, 'X-API-KEY': apiKey },
      secrets: [apiId, apiKey],
      // The limit applies to the workspace the pair identifies.
      credential: `${apiId}:${apiKey}`,
      operations: requestSchemas,
      loadResponses: async () => (await import('./generated/creatify/responses.js')).responseSchemas,
      maxBodyBytes: MAX_BODY_BYTES,
      defaultRateLimit: false,
    },
    options,
  );
}
