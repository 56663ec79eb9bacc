// `reelkit webhooks listen`: a local receiver for the webhook dev loop. Prints every delivery,
// verifies its signed URL when REELKIT_WEBHOOK_SECRET is set (@reelkit/renders' signing), and
// forwards it unchanged to --forward-to, answering the sender with the forward's status.
import { serve } from '@hono/node-server';
import { readEnv } from '@reelkit/core';
import { parseJobWebhook } from '@reelkit/creatify';
import { parseRenderWebhook, verifyWebhookUrl } from '@reelkit/renders/webhooks';
import { Hono } from 'hono';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** What the body says, for the printed line: a Creatomate render, a Creatify job, or neither. */
function summarize(body: unknown): { vendor: string; id?: string; status?: string } {
  try {
    const r = parseRenderWebhook(body);
    return { vendor: 'creatomate', id: r.id, status: r.status };
  } catch {
    try {
      const j = parseJobWebhook(body);
      return { vendor: 'creatify', id: j.id, status: j.status };
    } catch {
      return { vendor: 'unknown' };
    }
  }
}

export async function listen(ctx: Context, opts: { port: number; forwardTo?: string }): Promise<void> {
  if (opts.forwardTo !== undefined && !/^https?:\/\//.test(opts.forwardTo)) throw new UsageError(`--forward-to must be an http(s) URL, got "${opts.forwardTo}"`);
  const secret = readEnv('REELKIT_WEBHOOK_SECRET');
  ctx.out.secret(secret);
  const app = new Hono();
  app.all('*', async (c) => {
    const raw = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const url = new URL(c.req.url);
    const verification = secret === undefined ? 'not verified (no REELKIT_WEBHOOK_SECRET)' : (await verifyWebhookUrl(url, secret)).valid ? 'signature valid' : 'SIGNATURE INVALID';
    const what = summarize(body);
    let forwarded: number | string | undefined;
    if (opts.forwardTo) {
      try {
        const res = await fetch(new URL(url.pathname + url.search, opts.forwardTo), { method: c.req.method, headers: { 'content-type': c.req.header('content-type') ?? 'application/json' }, body: raw });
        forwarded = res.status;
      } catch (error) {
        forwarded = `failed (${(error as Error).message})`;
      }
    }
    const delivery = { at: new Date().toISOString(), method: c.req.method, path: url.pathname, ...what, verification, ...(forwarded !== undefined ? { forwarded } : {}), body };
    if (ctx.out.json) process.stdout.write(ctx.out.redact(JSON.stringify(delivery)) + '\n');
    else ctx.out.line(`${delivery.at} ${delivery.method} ${delivery.path} ${what.vendor} ${what.id ?? '?'} ${what.status ?? ''} — ${verification}${forwarded !== undefined ? `, forwarded: ${forwarded}` : ''}`);
    return c.body(null, typeof forwarded === 'number' ? (forwarded as 200) : 200);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  ctx.out.note(`listening on http://127.0.0.1:${port}/${opts.forwardTo ? `, forwarding to ${opts.forwardTo}` : ''} (Ctrl-C stops)`);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.exitCode = 0;
}
