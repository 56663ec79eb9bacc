// What your webhook endpoint received, and what the emulator recorded sending to it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCreatomateClient } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS, startEmulator } from '@reelkit/emulator';

export async function main() {
  // Failed deliveries are retried 2 times, n × retryDelayMs (real time) after attempt n.
  const emu = await startEmulator({ port: 0, clock: 'manual', webhooks: { retryDelayMs: 50 } });
  // A receiver that answers its first delivery with 503, so the emulator retries.
  const received: unknown[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(received.length === 1 ? 503 : 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhook_url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/creatomate`;
  try {
    const cm = createCreatomateClient({ apiKey: 'webhooks-example-key', baseUrl: emu.creatomateUrl });
    const [render] = await cm.POST('/renders', { body: { template_id: CREATOMATE_TEMPLATE_IDS.productCard, webhook_url } });
    emu.clock.advance(60_000); // the render succeeds; its webhook is sent
    await emu.webhooks.idle(); // every delivery, retries included, is over
    return { render: render!, received, deliveries: emu.webhooks.deliveries() };
  } finally {
    await emu.close();
    await new Promise((resolve) => receiver.close(resolve));
  }
}
