// Creatify client: `X-API-ID` + `X-API-KEY` headers. Creatify publishes no rate limit, so client-side
// limiting is off unless `rateLimit` is given.
import { createApiClient, type ApiClient, type ClientOptions } from './client.js';
import { readEnv } from './env.js';
import { ReelkitError } from './errors.js';
import { operationSchemas } from './generated/creatify/operations.js';
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
  const apiId = options.apiId ?? readEnv('CREATIFY_API_ID');
  const apiKey = options.apiKey ?? readEnv('CREATIFY_API_KEY');
  const missing = [apiId ? undefined : 'CREATIFY_API_ID (option apiId)', apiKey ? undefined : 'CREATIFY_API_KEY (option apiKey)'].filter(Boolean);
  if (!apiId || !apiKey) {
    throw new ReelkitError(`Missing Creatify credentials: set ${missing.join(' and ')}.`);
  }
  return createApiClient<paths, 'creatify'>(
    {
      vendor: 'creatify',
      baseUrl: options.baseUrl ?? readEnv('REELKIT_CREATIFY_URL') ?? CREATIFY_DEFAULT_BASE_URL,
      authHeaders: { 'X-API-ID': apiId, 'X-API-KEY': apiKey },
      secrets: [apiId, apiKey],
      // The limit applies to the workspace the pair identifies.
      credential: `${apiId}:${apiKey}`,
      operations: operationSchemas,
      defaultRateLimit: false,
    },
    options,
  );
}
