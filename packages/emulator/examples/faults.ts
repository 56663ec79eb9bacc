// Prove a client survives what networks do: a POST whose answer is lost, a GET route that keeps
// failing, a gateway that fails once.
import { ConnectionError, createCreatomateClient, ServerError } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS, startEmulator } from '@reelkit/emulator';

export async function main() {
  const emu = await startEmulator({ port: 0, clock: 'manual' });
  const cm = createCreatomateClient({ apiKey: 'faults-example-key', baseUrl: emu.creatomateUrl });
  try {
    // The render is created, then the connection drops before the answer. The client does not
    // retry the POST (that could be a second paid render); it says the outcome is unknown.
    emu.faults.add({ route: 'createRender', kind: 'drop', count: 1 });
    const body = { template_id: CREATOMATE_TEMPLATE_IDS.productCard, metadata: 'order-1042' };
    let render;
    let answerLost = false;
    try {
      [render] = await cm.POST('/renders', { body });
    } catch (err) {
      if (!(err instanceof ConnectionError && err.maybeSubmitted)) throw err;
      answerLost = true;
      // Look before you resubmit: the render is there.
      const recent = await cm.GET('/renders', { params: { query: { template_id: body.template_id, limit: 10 } } });
      render = recent.find((r) => r.metadata === body.metadata);
    }
    if (!render) throw new Error('the render was not created');

    // Every GET of a render answers 500: retried twice (the default), then a ServerError.
    emu.faults.set([{ route: 'getRender', kind: '500' }]);
    const error = await cm.GET('/renders/{id}', { params: { path: { id: render.id } } }).catch((err: unknown) => err);
    if (!(error instanceof ServerError)) throw new Error('expected a ServerError');
    const attempts = emu.faults.list()[0]!.fired; // 3: the first try and two retries

    // One HTML 502 from a "gateway": the GET is retried and succeeds.
    emu.faults.set([{ route: 'GET /v1/renders/*', kind: '502', count: 1 }]);
    emu.clock.advance(60_000);
    const done = await cm.GET('/renders/{id}', { params: { path: { id: render.id } } });
    return { answerLost, render, error, attempts, done, faults: emu.faults.list() };
  } finally {
    await emu.close();
  }
}
