// A batch: one quote card per customer, inside the rate limit, each item reported exactly once.
import { createCreatomateClient } from '@reelkit/core';
import { createRenders } from '@reelkit/renders';

const QUOTE_SQUARE = 'a4d7e2b3-5c6f-4a19-8e0d-3b2c1f9a6e33'; // "Quote Square" (an emulator seed template)

export interface Customer {
  name: string;
  quote: string;
}

/** What became of each customer's card, in input order. */
export async function main(customers: readonly Customer[]): Promise<string[]> {
  const renders = createRenders(createCreatomateClient());
  const outcomes: string[] = [];

  const items = customers.map((c) => ({ template_id: QUOTE_SQUARE, modifications: { Quote: c.quote, author: c.name } }));
  for await (const result of renders.batch(items, { concurrency: 50 })) {
    // Results arrive as items finish, not in input order: `index` says which item.
    const i = result.index;
    switch (result.status) {
      case 'succeeded': outcomes[i] = `done ${result.renders[0]!.url}`; break;
      case 'failed':    outcomes[i] = `failed: ${result.error.reason}`; break;
      case 'rejected':  outcomes[i] = `rejected, nothing was created: fix and resend (${String(result.error)})`; break;
      case 'unknown':   outcomes[i] = `unknown: look for ${result.metadata} before resending`; break;
      case 'error':     outcomes[i] = `submitted, waiting stopped: ${result.renders.map((r) => r.id).join(', ')}`; break;
      case 'submitted': break; // only with { wait: false }
    }
  }
  return outcomes;
}
