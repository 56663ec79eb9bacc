// The emulator inside a test: on a manual clock time moves only when told, so nothing waits for real.
import type { components } from '@reelkit/core/creatomate';
import { CREATOMATE_TEMPLATE_IDS, startEmulator } from '@reelkit/emulator';

type Render = components['schemas']['Render'];

export async function main() {
  const emu = await startEmulator({ port: 0, clock: 'manual' });
  try {
    const headers = { authorization: 'Bearer any-key', 'content-type': 'application/json' };
    const res = await fetch(`${emu.creatomateUrl}/renders`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ template_id: CREATOMATE_TEMPLATE_IDS.productCard, modifications: { price: '$49' } }),
    });
    const [render] = (await res.json()) as Render[]; // status 'planned'
    emu.clock.advance(60_000); // every render/job moves on; due webhooks are sent
    const done = (await (await fetch(`${emu.creatomateUrl}/renders/${render!.id}`, { headers })).json()) as Render;
    // done.status === 'succeeded', done.url serves a 1200×628 PNG, done.file_size === its byte length
    const png = new Uint8Array(await (await fetch(done.url!)).arrayBuffer());
    return { planned: render!.status, done, png };
  } finally {
    await emu.close();
  }
}
