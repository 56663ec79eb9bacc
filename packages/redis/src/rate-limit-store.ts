// Core's sliding-window rate limit (packages/core/src/rate-limit.ts) with its slots in Redis, so
// every process that points at the same Redis draws on one budget per credential.
//
// The rule is the memory store's, unchanged: a slot is held from acquisition until the expiry its
// release gives (a window after the response); an acquire succeeds while fewer than `requests` are
// held. Two differences, both because several processes share the slots:
//   - Time is Redis's clock (TIME inside the script), not each caller's `now`: workers on hosts
//     whose clocks differ still agree on when a slot expires. A release's expiry is turned into a
//     duration on the caller's clock, then re-based on Redis's.
//   - A slot in flight (acquired, not yet released) expires after `inFlightTtlMs` instead of
//     never, so a process that dies mid-request does not hold its slots forever.
// Keys: `{<core's key>}:flight` and `{…}:cool`, sorted sets of lease → expiry. Core's key already
// holds a hash of the credential (`reelkit:<vendor>:<hash>`), never the credential itself; both
// sets expire on their own once their last slot has.
import { randomBytes } from 'node:crypto';
import { MemoryRateLimitStore, ReelkitError, type Acquired, type Logger, type RateLimitStore, type RateLimitWindow } from '@reelkit/core';
import { script, type RedisConnection } from './connection.js';
import { RedisUnavailableError } from './errors.js';

// KEYS: flight, cool. ARGV: requests, lease, inFlightTtlMs. Reply: {1} taken, or {0, ms until the
// earliest released slot expires, or -1 when every slot is in flight}.
const ACQUIRE = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[1]) then
  local ttl = tonumber(ARGV[3])
  redis.call('ZADD', KEYS[1], now + ttl, ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ttl)
  return {1}
end
local earliest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if earliest[2] then return {0, tonumber(earliest[2]) - now} end
return {0, -1}
`);

// KEYS: flight, cool. ARGV: lease, ms until it expires. A lease no longer in flight (its in-flight
// TTL ran out) is not brought back, as the memory store ignores unknown leases.
const RELEASE = script(`
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
local ms = tonumber(ARGV[2])
if ms < 1 then return 1 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[2], now + ms, ARGV[1])
if redis.call('PTTL', KEYS[2]) < ms then redis.call('PEXPIRE', KEYS[2], ms) end
return 1
`);

export interface RedisRateLimitStoreOptions {
  /**
   * When Redis cannot be reached: `false` (the default) fails closed — the request is not sent and
   * throws RedisUnavailableError. `{ fraction }`: this process goes on alone with a local limiter
   * at `fraction` of the limit (e.g. 1/4 for four workers), until Redis answers again.
   */
  fallback?: false | { fraction: number };
  /**
   * How long a slot whose request has not been answered stays held, at most. It only matters for a
   * process that died mid-request; keep it above the client's `timeoutMs` plus the window, or a
   * request that is merely slow could lose its slot early. Default 130 000 ms (core's 60 s timeout,
   * twice, plus Creatomate's 10 s window).
   */
  inFlightTtlMs?: number;
  /** Prefixed to every key (e.g. per environment). Default none. */
  prefix?: string;
  /** Where the one warning of an outage (and of the recovery) goes. Default: console. */
  logger?: Pick<Logger, 'warn'>;
}

export const DEFAULT_IN_FLIGHT_TTL_MS = 130_000;
const LOCAL = 'local:';

export function createRedisRateLimitStore(redis: RedisConnection, options: RedisRateLimitStoreOptions = {}): RateLimitStore {
  const fallback = options.fallback ?? false;
  if (fallback && !(fallback.fraction > 0 && fallback.fraction <= 1)) throw new ReelkitError('fallback.fraction must be a number in (0, 1]');
  const ttl = options.inFlightTtlMs ?? DEFAULT_IN_FLIGHT_TTL_MS;
  const prefix = options.prefix ?? '';
  const logger = options.logger ?? console;
  const local = new MemoryRateLimitStore();
  // Unique per process, so that leases of different workers never collide in one set.
  const token = randomBytes(8).toString('hex');
  let next = 0;
  let down = false;

  const keysOf = (key: string) => [`${prefix}{${key}}:flight`, `${prefix}{${key}}:cool`];
  const localLimit = (limit: RateLimitWindow, fraction: number): RateLimitWindow => ({
    requests: Math.max(1, Math.floor(limit.requests * fraction)),
    windowMs: limit.windowMs,
  });

  // Logged once per outage: a warning when Redis is first found unreachable, one when it is back.
  function outage(error: RedisUnavailableError): void {
    if (down) return;
    down = true;
    const then = fallback ? `limiting this process alone to ${fallback.fraction} of the limit until it is back` : 'failing closed: requests are not sent until it is back';
    logger.warn(`reelkit: the Redis rate-limit store is unreachable (${error.message}); ${then}`);
  }
  function recovered(): void {
    if (!down) return;
    down = false;
    logger.warn('reelkit: the Redis rate-limit store is reachable again; the shared budget applies');
  }

  return {
    async tryAcquire(key, limit, now) {
      const lease = `${token}:${++next}`;
      try {
        const reply = (await redis.run(ACQUIRE, keysOf(key), [limit.requests, lease, ttl])) as [number, number?];
        recovered();
        if (reply[0] === 1) return { lease };
        const ms = reply[1]!;
        return { retryInMs: ms < 0 ? undefined : ms };
      } catch (error) {
        if (!(error instanceof RedisUnavailableError)) throw error;
        outage(error);
        if (!fallback) throw error;
        const got: Acquired = local.tryAcquire(key, localLimit(limit, fallback.fraction), now);
        return got.lease === undefined ? got : { lease: LOCAL + got.lease };
      }
    },

    async release(key, lease, expiresAt) {
      if (lease.startsWith(LOCAL)) return local.release(key, lease.slice(LOCAL.length), expiresAt);
      try {
        await redis.run(RELEASE, keysOf(key), [lease, Math.ceil(expiresAt - Date.now())]);
      } catch (error) {
        // Not released: the slot stays held until its in-flight TTL, which only costs throughput.
        if (error instanceof RedisUnavailableError) return outage(error);
        throw error;
      }
    },
  };
}
