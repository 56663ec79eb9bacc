// A batch: one quote card per customer, inside the rate limit, each item reported exactly once, and
// resumable: run it again with the same ledger and batch id and nothing is sent twice.
import { createCreatomateClient } from '@reelkit/core';
import { createRenders, type SubmissionLedger } from '@reelkit/renders';
import { MemoryLedger } from '@reelkit/renders/ledger';

const QUOTE_SQUARE = 'a4d7e2b3-5c6f-4a19-8e0d-3b2c1f9a6e33'; // "Quote Square" (an emulator seed template)

export interface Customer {
  name: string;
  quote: string;
}

/** What became of each customer's card, in input order. A ledger that outlives the process (the CLI's file ledger, @reelkit/redis) makes re-runs safe across crashes. */
export async function main(customers: readonly Customer[], ledger: SubmissionLedger = new MemoryLedger()): Promise<string[]> {
  const renders = createRenders(createCreatomateClient());
  const outcomes: string[] = [];

  const items = customers.map((c) => ({ template_id: QUOTE_SQUARE, modifications: { Quote: c.quote, author: c.name } }));
  const run = renders.batch(items, {
    concurrency: 50,
    ledger,
    batchId: 'quote-cards-2026-12', // stable: the same run when started again
    itemKey: (_item, i) => customers[i]!.name, // the ledger key (and the metadata tag's suffix)
  });
  for (;;) {
    const next = await run.next();
    if (next.done) {
      const { succeeded, total } = next.value; // the summary: counts per status
      console.log(`${succeeded} of ${total} succeeded`);
      break;
    }
    // Results arrive as items finish, not in input order: `index` says which item.
    const result = next.value;
    const i = result.index;
    switch (result.status) {
      case 'succeeded': outcomes[i] = `done ${result.renders[0]!.url}`; break;
      case 'failed':    outcomes[i] = `failed: ${result.error.reason}`; break;
      case 'rejected':  outcomes[i] = `rejected, nothing was created: fix and resend (${String(result.error)})`; break;
      case 'unknown':   outcomes[i] = `unknown: look for ${result.metadata} before resending`; break;
      case 'skipped':   outcomes[i] = `skipped: another run holds it (${result.entry.state})`; break;
      case 'error':     outcomes[i] = `submitted, waiting stopped: ${result.renders.map((r) => r.id).join(', ')}`; break;
      case 'submitted': break; // only with { wait: false }
    }
  }
  return outcomes;
}
