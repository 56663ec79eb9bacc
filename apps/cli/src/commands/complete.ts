// Shell completion from @bomb.sh/tab (commander has none). It walks a complete command tree, so it
// gets a fresh one with tab's own `complete` command in place of the lazy stub.
import tab from '@bomb.sh/tab/commander';
import type { Command } from 'commander';

export async function complete(program: unknown): Promise<void> {
  // extra-typings' Command is commander's at run time; its stricter types do not fit tab's signature.
  const root = program as Command;
  tab(root);
  await root.parseAsync(process.argv);
}
