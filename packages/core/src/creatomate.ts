// Creatomate client: `Authorization: Bearer <key>`, published limit 30 requests per 10 s per account.
import { createApiClient, type ApiClient, type ClientOptions } from './client.js';
import { readEnv } from './env.js';
import { ReelkitError } from './errors.js';
import { operationSchemas } from './generated/creatomate/operations.js';
import type { paths } from './generated/creatomate/types.js';

export const CREATOMATE_DEFAULT_BASE_URL = 'https://api.creatomate.com/v1';
export const CREATOMATE_DEFAULT_RATE_LIMIT = { requests: 30, windowMs: 10_000 } as const;

export interface CreatomateClientOptions extends ClientOptions {
  /** Default: CREATOMATE_API_KEY. */
  apiKey?: string;
}

export type CreatomateClient = ApiClient<paths, 'creatomate'>;

export function createCreatomateClient(options: CreatomateClientOptions = {}): CreatomateClient {
  const apiKey = options.apiKey ?? readEnv('CREATOMATE_API_KEY');
  if (!apiKey) {
    throw new ReelkitError('Missing Creatomate API key: pass { apiKey } to createCreatomateClient() or set CREATOMATE_API_KEY.');
  }
  return createApiClient<paths, 'creatomate'>(
    {
      vendor: 'creatomate',
      baseUrl: options.baseUrl ?? readEnv('REELKIT_CREATOMATE_URL') ?? CREATOMATE_DEFAULT_BASE_URL,
      authHeaders: { Authorization: `Bearer ${apiKey}` },
      secrets: [apiKey],
      credential: apiKey,
      operations: operationSchemas,
      defaultRateLimit: CREATOMATE_DEFAULT_RATE_LIMIT,
    },
    options,
  );
}
