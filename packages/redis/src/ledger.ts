// The batch submission ledger (@reelkit/renders' SubmissionLedger; its header comment is the rule)
// in one Redis hash per batch id: field = item key, value = the entry as JSON. Any process that
// opens the same batch id sees the same entries, so a re-run or a second worker never POSTs an
// item twice.
//
// The claim is one Lua script: read, decide and write with nothing in between, so two workers given
// the same list split it with no overlap. It is `decideClaim` (renders/src/ledger.ts) written in
// Lua; the conformance suite in test/ledger-conformance.ts holds the two to the same behaviour.
// Its `at` is Redis's clock, so a lease written by one host is judged stale by the same clock on all.
import type { ClaimResult, LedgerEntry, SubmissionLedger } from '@reelkit/renders';
import { script, type RedisConnection } from './connection.js';

// KEYS: the batch hash. ARGV: item key, owner, leaseMs, ttlMs (0: none).
// Reply: {1} claimed fresh; {1, previous} claimed over a `maybe` or a stale `submitting`; {0, entry}.
const CLAIM = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if raw then
  local e = cjson.decode(raw)
  local stale = e.state == 'submitting' and now - tonumber(e.at) > tonumber(e.leaseMs)
  if not (e.state == 'maybe' or stale) then return {0, raw} end
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({ state = 'submitting', owner = ARGV[2], at = now, leaseMs = tonumber(ARGV[3]) }))
if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
if raw then return {1, raw} end
return {1}
`);

export interface RedisLedgerOptions {
  /** The batch this ledger records: pass the same id to the batch (`batchId`) and to every worker. */
  batchId: string;
  /** Prefixed to the key (e.g. per environment). Default none. */
  prefix?: string;
  /**
   * Forget the batch this long after its last write. Default: never. A forgotten batch re-run under
   * the same id POSTs every item again (nothing says they were sent), so set it well past any resume.
   */
  ttlMs?: number;
}

const parse = (raw: string) => JSON.parse(raw) as LedgerEntry;

export function createRedisLedger(redis: RedisConnection, options: RedisLedgerOptions): SubmissionLedger {
  const key = `${options.prefix ?? ''}reelkit:ledger:{${options.batchId}}`;
  const ttl = options.ttlMs ?? 0;

  return {
    async claim(item, owner, leaseMs): Promise<ClaimResult> {
      const [claimed, raw] = (await redis.run(CLAIM, [key], [item, owner, leaseMs, ttl])) as [number, string?];
      if (claimed === 1) return raw === undefined ? { claimed: true } : { claimed: true, previous: parse(raw) as Extract<LedgerEntry, { state: 'maybe' | 'submitting' }> };
      return { claimed: false, entry: parse(raw!) };
    },

    async settle(item, entry) {
      await redis.command(['HSET', key, item, JSON.stringify(entry)]);
      if (ttl > 0) await redis.command(['PEXPIRE', key, ttl]);
    },

    async get(item) {
      const raw = (await redis.command(['HGET', key, item])) as string | null;
      return raw === null ? undefined : parse(raw);
    },

    async *entries() {
      // HSCAN may return a field twice while the hash grows; each is reported once.
      const seen = new Set<string>();
      let cursor = '0';
      do {
        const [nextCursor, flat] = (await redis.command(['HSCAN', key, cursor, 'COUNT', 500])) as [string, string[]];
        for (let i = 0; i < flat.length; i += 2) {
          const field = flat[i]!;
          if (seen.has(field)) continue;
          seen.add(field);
          yield [field, parse(flat[i + 1]!)] as [string, LedgerEntry];
        }
        cursor = nextCursor;
      } while (cursor !== '0');
    },
  };
}
