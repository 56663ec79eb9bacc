// One Redis connection for a worker process, shared by its rate-limit store and its ledgers.
//
// Commands fail fast while Redis is unreachable (no offline queue): a rate-limit acquire or a
// ledger claim that waited in a queue for minutes would be worse than an error the caller can act
// on. node-redis keeps reconnecting in the background, so the next command after Redis is back works.
import { createHash } from 'node:crypto';
import { createClient, ErrorReply } from 'redis';
import { readEnv } from '@reelkit/core';
import { RedisScriptError, RedisUnavailableError } from './errors.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisConnectionOptions {
  /** Default: `REELKIT_REDIS_URL`, else `redis://127.0.0.1:6379`. `rediss://` for TLS; credentials go in the URL. */
  url?: string;
  /** Per command: a Redis that stops answering is treated as unreachable after this long. Default 2000 ms. */
  commandTimeoutMs?: number;
  /** Per connection attempt. Default 2000 ms. */
  connectTimeoutMs?: number;
}

/** A Lua script, run with EVALSHA (EVAL once when the server does not know it yet, e.g. after a restart). */
export interface Script {
  source: string;
  sha1: string;
}

export function script(source: string): Script {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

export interface RedisConnection {
  /** Runs `s` atomically on the server. Throws RedisUnavailableError when Redis cannot be reached. */
  run(s: Script, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
  /** Any other command (`['HSCAN', …]`), with the same error. */
  command(args: readonly (string | number)[]): Promise<unknown>;
  close(): Promise<void>;
}

// Reconnect quickly at first (a restart takes well under a second on loopback), then every 2 s.
const reconnectDelay = (retries: number) => Math.min(50 * 2 ** retries, 2000);

export function connectRedis(options: RedisConnectionOptions = {}): RedisConnection {
  const url = options.url ?? readEnv('REELKIT_REDIS_URL') ?? DEFAULT_REDIS_URL;
  const timeout = options.commandTimeoutMs ?? 2000;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: options.connectTimeoutMs ?? 2000, reconnectStrategy: reconnectDelay },
  });
  // Connection errors surface through the commands that fail (as RedisUnavailableError); the event
  // must still have a listener, or node-redis's emitter would throw it.
  client.on('error', () => undefined);
  // The first command waits for the first connection attempt instead of failing "offline" at once.
  const firstAttempt = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', () => resolve());
  });
  let closed = false;
  client.connect().catch(() => undefined);

  async function send(args: readonly (string | number)[]): Promise<unknown> {
    if (closed) throw new RedisUnavailableError('The Redis connection was closed.');
    await firstAttempt;
    try {
      return await client.sendCommand(args.map(String), { timeout });
    } catch (error) {
      throw unavailable(error);
    }
  }

  return {
    async run(s, keys, args) {
      try {
        return await send(['EVALSHA', s.sha1, keys.length, ...keys, ...args]);
      } catch (error) {
        if (!(error instanceof RedisScriptError && error.message.startsWith('NOSCRIPT'))) throw error;
        return send(['EVAL', s.source, keys.length, ...keys, ...args]);
      }
    },
    command: send,
    async close() {
      if (closed) return;
      closed = true;
      // close() waits for replies in flight; destroy() when the socket is down and there are none to wait for.
      if (client.isReady) await client.close();
      else client.destroy();
    },
  };
}

// node-redis reply errors carry the server's message ("NOSCRIPT …", "ERR …"); anything else
// (offline, timeout, socket closed) means the server could not be asked.
function unavailable(error: unknown): RedisUnavailableError | RedisScriptError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ErrorReply) return new RedisScriptError(message, { cause: error });
  return new RedisUnavailableError(`Redis is unreachable: ${message}`, { cause: error });
}
