// The demo server without the page: start it in-process (embedded emulator, no keys) and render a
// template through its HTTP API, as the page does. The caller never holds a key: the server does.
import { startDemo, type HistoryEntry, type Render } from '@reelkit/demo/server';

const PRODUCT_CARD = '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22'; // "Product Card" (an emulator seed template)

export async function main(): Promise<Render> {
  const demo = await startDemo({ port: 0 }); // port 0: any free port; `pnpm demo` uses 5173
  try {
    const post = await fetch(`${demo.url}/api/renders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template_id: PRODUCT_CARD, modifications: { 'Product-Name': 'Trail Runner 3' } }),
    });
    const { key } = (await post.json()) as HistoryEntry;
    // The page listens to GET /api/events (SSE); a script can read the history the server keeps.
    for (;;) {
      const history = (await (await fetch(`${demo.url}/api/renders`)).json()) as HistoryEntry[];
      const render = history.find((e) => e.key === key)!.render;
      if (render.status === 'succeeded' || render.status === 'failed') return render;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await demo.close();
  }
}
