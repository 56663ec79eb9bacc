// Send reelkit's log lines to your own logger, here one JSON object per line on stderr. Lines arrive
// already redacted: headers and every occurrence of the keys read `[redacted]`.
import { createCreatomateClient, type Logger, type LogLevel } from '@reelkit/core';

const line = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
export const jsonLogger: Logger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };

export async function main(id: string) {
  // `info`: one line per attempt (method, path, status, attempt, duration, request id) and per retry;
  // `debug` adds request headers and body. The default is REELKIT_LOG, else `warn`.
  const cm = createCreatomateClient({ logger: jsonLogger, logLevel: 'debug' });
  return cm.GET('/renders/{id}', { params: { path: { id } } });
}
