export { specs } from './generated/specs.js';
// Generated types, zod schemas and operation tables per vendor (also at @reelkit/core/<vendor>).
export * as creatomate from './generated/creatomate/index.js';
export * as creatify from './generated/creatify/index.js';

export {
  createCreatomateClient,
  CREATOMATE_DEFAULT_BASE_URL,
  CREATOMATE_DEFAULT_RATE_LIMIT,
  type CreatomateClient,
  type CreatomateClientOptions,
} from './creatomate.js';
export { createCreatifyClient, CREATIFY_DEFAULT_BASE_URL, type CreatifyClient, type CreatifyClientOptions } from './creatify.js';
export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_VALIDATE,
  type ApiClient,
  type ClientOptions,
  type OperationSchema,
  type ValidateOptions,
  type InitArgs,
  type MethodCall,
  type MethodCallWithResponse,
  type OperationOf,
  type PathsWithMethod,
  type RequestInitFor,
  type RequestOptions,
  type ResponseData,
  type WithResponse,
} from './client.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReelkitError,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  isMaybeSubmitted,
  type ValidationIssue,
} from './errors.js';
export { pickCallOptions, type CallOptions, type WaitOptions } from './options.js';
export { linkSignals, sleep } from './retry.js';
export type { Clock } from './clock.js';
export { toIssues } from './validation.js';
export { decodeWebhookBody, WebhookPayloadError } from './webhook.js';
export { resolveLogLevel, type Logger, type LogLevel } from './logger.js';
// How the client factories read the environment (trimmed; empty counts as unset), for tools such as `reelkit doctor`.
export { readEnv } from './env.js';
export type { ValidationMode } from './validation.js';
export { MemoryRateLimitStore, type Acquired, type RateLimitOptions, type RateLimitStore, type RateLimitWindow } from './rate-limit.js';
export { poll, pollIterator, DEFAULT_POLL_INTERVAL, type PollInterval, type PollOptions } from './poll.js';
