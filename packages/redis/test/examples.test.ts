// The README's examples are the files in examples/, run here against a real redis-server and the emulator.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CREATOMATE_TEMPLATE_IDS as T, startEmulator, type Emulator } from '@reelkit/emulator';
import { connectRedis, type RedisConnection } from '../src/index.js';
import { main as sharedLimit } from '../examples/shared-limit.js';
import { main as worker } from '../examples/worker.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

let emu: Emulator;
let redis: RedisServer;
let admin: RedisConnection;
let apiKey: string;
const env = { ...process.env };
beforeAll(async () => {
  [emu, redis] = await Promise.all([startEmulator({ port: 0, clock: 'real', speed: 100 }), startRedisServer()]);
  admin = connectRedis({ url: redis.url });
  process.env.REELKIT_REDIS_URL = redis.url;
  process.env.REELKIT_CREATOMATE_URL = emu.creatomateUrl;
  process.env.REELKIT_LOG = 'off';
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
beforeEach(() => {
  // Each example on its own account, so that the emulator's state shows exactly what it created.
  apiKey = `example-${randomUUID()}`;
  process.env.CREATOMATE_API_KEY = apiKey;
});
afterAll(async () => {
  process.env = env;
  vi.restoreAllMocks();
  await admin.close();
  await Promise.all([emu.close(), redis.close()]);
});

const storedRenders = () => emu.state().accounts.flatMap((a) => a.renders);

describe('examples', { timeout: 30_000 }, () => {
  it('shared-limit creates the render through a client whose slots are in Redis, under a hash of the key', async () => {
    const before = storedRenders().length;
    const [render] = await sharedLimit();
    expect(render).toMatchObject({ template_id: T.quoteSquare, modifications: { Quote: 'One budget.', author: 'Ada' } });
    expect(storedRenders().length).toBe(before + 1);
    const keys = (await admin.command(['KEYS', '*'])) as string[];
    expect(keys.some((k) => /^\{reelkit:creatomate:[0-9a-f]{16}\}:(flight|cool)$/.test(k))).toBe(true);
    expect(keys.join(' ')).not.toContain(apiKey);
  });

  it('worker: two workers on one list split it, and a resume sends nothing again', async () => {
    const batchId = randomUUID();
    const items = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald'].map((name) => ({ template_id: T.quoteSquare, modifications: { Quote: `${name} says hi`, author: name } }));
    const [a, b] = await Promise.all([worker(items, batchId), worker(items, batchId)]);
    const tagged = () => storedRenders().filter((r) => r.metadata?.startsWith(`reelkit-batch:${batchId}:`));
    expect(tagged()).toHaveLength(items.length);
    expect(new Set(tagged().map((r) => r.metadata)).size).toBe(items.length);
    // Each worker reports every item: sent by it or found in the ledger, or held by the other.
    for (const summary of [a, b]) expect(summary.submitted + summary.skipped).toBe(items.length);
    const resumed = await worker(items, batchId);
    expect(resumed).toMatchObject({ submitted: items.length, total: items.length });
    expect(tagged()).toHaveLength(items.length);
  });

  it.each(['shared-limit.ts', 'worker.ts'])('README shows examples/%s verbatim', (file) => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
