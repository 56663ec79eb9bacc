// Creatomate client: `Authorization: Bearer <key>`, published limit 30 requests per 10 s per account.
import { createApiClient, type ApiClient, type ClientOptions } from './client.js';
import { readEnv } from './env.js';
import { ReelkitError } from './errors.js';
import { requestSchemas } from './generated/creatomate/requests.js';
import { normalizeKey } from './keys.js';
import { MAX_BODY_BYTES, RATE_LIMIT } from './rules/creatomate-limits.js';
import type { paths } from './generated/creatomate/types.js';

export const CREATOMATE_DEFAULT_BASE_URL = 'https://api.creatomate.com/v1';
/** The published limit (rules/creatomate.ts), the client's default. */
export const CREATOMATE_DEFAULT_RATE_LIMIT = RATE_LIMIT;

export interface CreatomateClientOptions extends ClientOptions {
  /** Default: CREATOMATE_API_KEY. */
  apiKey?: string;
}

export type CreatomateClient = ApiClient<paths, 'creatomate'>;

export function createCreatomateClient(options: CreatomateClientOptions = {}): CreatomateClient {
  const given = options.apiKey ?? readEnv('CREATOMATE_API_KEY');
  if (!given?.trim()) {
    throw new ReelkitError('Missing Creatomate API key: pass { apiKey } to createCreatomateClient() or set CREATOMATE_API_KEY.');
  }
  // Normalised once: the header carries, and the redactor looks for, the same value.
  const apiKey = normalizeKey(given, options.apiKey === undefined ? 'CREATOMATE_API_KEY' : 'apiKey option');
  return createApiClient<paths, 'creatomate'>(
    {
      vendor: 'creatomate',
      baseUrl: options.baseUrl ?? readEnv('REELKIT_CREATOMATE_URL') ?? CREATOMATE_DEFAULT_BASE_URL,
      authHeaders: { Authorization: `Bearer ${apiKey}` },
      secrets: [apiKey],
      credential: apiKey,
      operations: requestSchemas,
      loadResponses: async () => (await import('./generated/creatomate/responses.js')).responseSchemas,
      maxBodyBytes: MAX_BODY_BYTES,
      defaultRateLimit: CREATOMATE_DEFAULT_RATE_LIMIT,
    },
    options,
  );
}
