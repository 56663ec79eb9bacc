// One shape of options everywhere, tolerant reads, and the one question to ask after a failure.
import { createCreatomateClient, isMaybeSubmitted, pickCallOptions, poll, type CallOptions, type creatomate } from '@reelkit/core';

type Render = creatomate.components['schemas']['Render'];

export async function main(templateId: string, options: CallOptions = {}) {
  // The defaults, spelled out: requests are checked strictly before sending; responses tolerantly
  // (a status or field the vendor adds later passes through and is logged once).
  const cm = createCreatomateClient({ validate: { request: 'strict', response: 'warn' } });
  let created: Render[];
  try {
    // Only signal, timeoutMs and maxRetries reach core: a stray `body` or `retrySafe` in `options` cannot.
    created = await cm.POST('/renders', { body: { template_id: templateId }, ...pickCallOptions(options) });
  } catch (err) {
    // createRender is paid and not repeatable (the spec says so): core sent it once. If it may have
    // arrived, look it up instead of sending it again.
    if (isMaybeSubmitted(err)) return { outcome: 'look before you resubmit' };
    throw err;
  }
  const id = created[0]!.id;
  const final = await poll<Render>({
    get: (signal) => cm.GET('/renders/{id}', { params: { path: { id } }, ...pickCallOptions(options), signal }),
    // A status this code does not know is not final: polling goes on until the deadline.
    isTerminal: (r) => r.status === 'succeeded' || r.status === 'failed',
    deadlineMs: 60_000,
    interval: { initialMs: 50 },
    onProgress: (r) => console.log(`render ${r.id}: ${r.status}`),
  });
  return { outcome: final.status };
}
