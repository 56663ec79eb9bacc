// The emulator's own API under /__emulator: state, reset, clock, faults, webhook log, output files
// and the Creatify preview page. Errors here are plain `{ error }` bodies, not a vendor's shape.
import { Hono, type Context } from 'hono';
import type { EmulatorStateAccounts } from '../engine.js';
import { validateFault, type FaultState } from '../faults.js';
import { MAX_JSON_DEPTH, jsonDepthExceeds } from '../limits.js';
import { CONTENT_TYPES } from '../outputs.js';
import type { RateLimitOptions } from '../ratelimit.js';
import type { Env, EmulatorParts } from './parts.js';

export interface EmulatorState {
  clock: { mode: 'manual' | 'real'; now: string; speed: number };
  rateLimit: RateLimitOptions | false;
  faults: FaultState[];
  webhookAttempts: number;
  /** One entry per API key seen (the key masked). */
  accounts: EmulatorStateAccounts;
}

export interface AdminControls {
  state: () => EmulatorState;
  reset: () => void;
}

export function adminControls({ engine, clock, limiter, faults, webhooks, initialFaults }: EmulatorParts): AdminControls {
  return {
    state: () => {
      engine.sync();
      return {
        clock: { mode: clock.mode, now: new Date(clock.now()).toISOString(), speed: clock.speed },
        rateLimit: limiter ? limiter.options : false,
        faults: faults.list(),
        webhookAttempts: webhooks.deliveries().length,
        accounts: engine.state(),
      };
    },
    reset: () => {
      engine.reset();
      webhooks.clear();
      limiter?.reset();
      faults.set(initialFaults);
    },
  };
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (jsonDepthExceeds(text)) throw new Error(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  return text.trim() === '' ? undefined : JSON.parse(text);
}

function controlRoutes(admin: Hono<Env>, { engine, clock, faults, webhooks }: EmulatorParts, controls: AdminControls): void {
  const clockState = () => ({ mode: clock.mode, now: new Date(clock.now()).toISOString(), speed: clock.speed });
  admin.get('/state', async (c) => {
    await engine.settle();
    return c.json(controls.state());
  });
  // Answered without touching state: what a load balancer or a test polls while the emulator is busy.
  admin.get('/health', (c) => c.json({ ok: true }));
  admin.post('/reset', (c) => {
    controls.reset();
    return c.json(controls.state());
  });
  admin.get('/clock', (c) => c.json(clockState()));
  admin.post('/clock/advance', async (c) => {
    const body = (await readJson(c)) as { ms?: unknown } | undefined;
    const ms = Number(body?.ms ?? c.req.query('ms'));
    if (!(ms >= 0) || !Number.isFinite(ms)) return c.json({ error: 'give {"ms": <non-negative number>}' }, 400);
    clock.advance(ms);
    return c.json(clockState());
  });
  admin.get('/faults', (c) => c.json({ faults: faults.list() }));
  admin.post('/faults', async (c) => {
    const body = await readJson(c);
    faults.add((Array.isArray(body) ? body : [body]).map(validateFault));
    return c.json({ faults: faults.list() });
  });
  admin.put('/faults', async (c) => {
    const body = await readJson(c);
    faults.set((Array.isArray(body) ? body : body === undefined ? [] : [body]).map(validateFault));
    return c.json({ faults: faults.list() });
  });
  admin.delete('/faults', (c) => {
    faults.clear();
    return c.json({ faults: [] });
  });
  admin.get('/webhooks', (c) => c.json({ deliveries: webhooks.deliveries() }));
  admin.delete('/webhooks', (c) => {
    webhooks.clear();
    return c.json({ deliveries: [] });
  });
}

const file = (c: Context, bytes: Uint8Array | undefined, type: string) =>
  bytes ? c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'content-length': String(bytes.length), 'cache-control': 'public, max-age=31536000, immutable' }) : c.json({ error: 'not found' }, 404);

function fileRoutes(admin: Hono<Env>, { engine }: EmulatorParts): void {
  admin.get('/files/renders/:name', async (c) => {
    await engine.settle();
    const m = /^([0-9a-f-]{36})\.(jpg|png|gif|mp4)$/.exec(c.req.param('name'));
    const out = m ? await engine.renderFileById(m[1]!, false) : undefined;
    return file(c, out && out.format === m?.[2] ? out.bytes : undefined, CONTENT_TYPES[(m?.[2] ?? 'png') as 'png']);
  });
  admin.get('/files/snapshots/:name', async (c) => {
    await engine.settle();
    const m = /^([0-9a-f-]{36})\.jpg$/.exec(c.req.param('name'));
    return file(c, m ? (await engine.renderFileById(m[1]!, true))?.bytes : undefined, 'image/jpeg');
  });
  admin.get('/files/jobs/:id/:name', async (c) => {
    engine.sync();
    const name = c.req.param('name');
    const which = name === 'video.mp4' ? 'video' : name === 'preview.mp4' ? 'preview' : undefined;
    return file(c, which ? await engine.jobFileById(c.req.param('id'), which) : undefined, 'video/mp4');
  });
  admin.get('/preview/:id', (c) => {
    engine.sync();
    const id = c.req.param('id');
    if (!engine.hasPreview(id)) return c.html('<!doctype html><title>Not found</title><p>No preview for this job (yet).</p>', 404);
    const src = `${engine.baseUrl}/__emulator/files/jobs/${id}/preview.mp4`;
    return c.html(`<!doctype html><html><head><meta charset="utf-8"><title>Preview ${id}</title></head><body style="margin:0;background:#000"><video src="${src}" controls autoplay muted loop playsinline style="width:100%;height:100vh;object-fit:contain"></video></body></html>`);
  });
}

/** The admin app, to mount under /__emulator. */
export function adminApp(parts: EmulatorParts, controls: AdminControls): Hono<Env> {
  const admin = new Hono<Env>();
  admin.onError((err, c) => c.json({ error: err.message }, 400));
  controlRoutes(admin, parts, controls);
  fileRoutes(admin, parts);
  return admin;
}
