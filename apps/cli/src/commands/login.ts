// `reelkit login`: stores a key in a profile of the config file (0600). The key comes from a hidden
// prompt on a terminal or from stdin, never from an argument (which would land in shell history).
import { createInterface } from 'node:readline';
import { configPath, readConfig, writeConfig, type Profile } from '../config.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

async function readStdin(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) data += String(chunk);
  return data.trim();
}

/** Reads a line without echoing it. */
function hiddenPrompt(question: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing of what is typed; the question itself is written once.
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => undefined;
    rl.once('line', (line) => {
      rl.close();
      process.stderr.write('\n');
      resolve(line.trim());
    });
    signal.addEventListener('abort', () => {
      rl.close();
      reject(new UsageError('login cancelled'));
    }, { once: true });
  });
}

export async function login(ctx: Context, opts: { vendor: 'creatomate' | 'creatify'; apiId?: string; baseUrl?: string }): Promise<void> {
  const name = ctx.globals.profile ?? 'default';
  if (opts.vendor === 'creatify' && !opts.apiId) throw new UsageError('login --vendor creatify needs --api-id <id> (the id is not secret; the key is read from the prompt or stdin)');
  const key = process.stdin.isTTY ? await hiddenPrompt(`${opts.vendor} API key for profile "${name}": `, ctx.signal) : await readStdin();
  if (!key) throw new UsageError('No key given: type it at the prompt, or pipe it on stdin (printf %s "$KEY" | reelkit login).');
  ctx.out.secret(key);
  const config = readConfig();
  const profile: Profile = { ...config.profiles[name] };
  if (opts.vendor === 'creatomate') {
    profile.creatomate_api_key = key;
    if (opts.baseUrl) profile.creatomate_url = opts.baseUrl;
  } else {
    profile.creatify_api_id = opts.apiId;
    profile.creatify_api_key = key;
    if (opts.baseUrl) profile.creatify_url = opts.baseUrl;
  }
  config.profiles[name] = profile;
  writeConfig(config);
  ctx.out.data({ profile: name, vendor: opts.vendor, path: configPath() });
  ctx.out.line(`stored the ${opts.vendor} key in profile "${name}" (${configPath()}, mode 0600)`);
}
