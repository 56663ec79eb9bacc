// Logging: REELKIT_LOG or the `logLevel` option pick the level, `logger` the sink (console by
// default; pino/winston-style objects with debug/info/warn/error methods work as they are).
import { readEnv } from './env.js';
import type { Redactor } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in RANK;
}

export function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  if (option) return option;
  const env = readEnv('REELKIT_LOG')?.toLowerCase();
  if (env === undefined) return 'warn';
  if (isLogLevel(env)) return env;
  // A typo in REELKIT_LOG should not silence warnings; say so once, through console.
  console.warn(`reelkit: ignoring REELKIT_LOG=${env} (expected debug, info, warn, error or off)`);
  return 'warn';
}

/** The logger the transport uses: level-filtered, every message and field redacted. */
export interface InternalLogger {
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
  log(level: Exclude<LogLevel, 'off'>, message: string, fields?: Record<string, unknown>): void;
}

export function createInternalLogger(sink: Logger | undefined, level: LogLevel, redact: Redactor): InternalLogger {
  const target: Logger = sink ?? console;
  const min = RANK[level];
  return {
    enabled: (l) => RANK[l] >= min,
    log(l, message, fields) {
      if (RANK[l] < min) return;
      const text = redact(`reelkit: ${message}`);
      if (fields === undefined) target[l](text);
      else target[l](text, redact.deep(fields));
    },
  };
}
