import { ConnectionError, ReelkitError } from '@reelkit/core';

/**
 * Redis could not be asked (refused, timed out, connection lost). Nothing was sent to the vendor
 * because of it, so `maybeSubmitted` is false.
 */
export class RedisUnavailableError extends ConnectionError {
  override readonly name: string = 'RedisUnavailableError';
}

/** Redis answered with an error (a script failed, a key holds the wrong type): not a connection problem. */
export class RedisScriptError extends ReelkitError {
  override readonly name: string = 'RedisScriptError';
}
