// Drive an emulator running in another process (`pnpm emulator`) through its admin API.
import { createCreatomateClient } from '@reelkit/core';
import { CREATOMATE_TEMPLATE_IDS, type EmulatorState, type FaultState, type WebhookAttempt } from '@reelkit/emulator';

export async function main(base = process.env.REELKIT_EMULATOR_URL ?? 'http://127.0.0.1:4010') {
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/__emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} /__emulator${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  await admin('POST', '/reset'); // forget every render and job; faults back to the start options
  await admin('POST', '/faults', { route: 'getRender', kind: '500', count: 1 }); // the next GET of a render fails once

  const cm = createCreatomateClient({ apiKey: 'admin-example-key', baseUrl: `${base}/v1` });
  const [render] = await cm.POST('/renders', { body: { template_id: CREATOMATE_TEMPLATE_IDS.productCard } });
  await admin('POST', '/clock/advance', { ms: 60_000 }); // on a manual or real clock
  const done = await cm.GET('/renders/{id}', { params: { path: { id: render!.id } } }); // retried after the 500

  const { faults } = await admin<{ faults: FaultState[] }>('GET', '/faults'); // with how often each fired
  const { deliveries } = await admin<{ deliveries: WebhookAttempt[] }>('GET', '/webhooks');
  const state = await admin<EmulatorState>('GET', '/state'); // clock, faults, accounts (keys masked) with their renders
  await admin('DELETE', '/faults');
  return { done, faults, deliveries, state };
}
