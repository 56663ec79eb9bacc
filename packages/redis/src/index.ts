export { connectRedis, DEFAULT_REDIS_URL, type RedisConnection, type RedisConnectionOptions } from './connection.js';
export { createRedisRateLimitStore, DEFAULT_IN_FLIGHT_TTL_MS, type RedisRateLimitStoreOptions } from './rate-limit-store.js';
export { createRedisLedger, type RedisLedgerOptions } from './ledger.js';
export { RedisScriptError, RedisUnavailableError } from './errors.js';
