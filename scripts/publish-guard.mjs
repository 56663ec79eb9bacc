#!/usr/bin/env node
// Each public package's prepublishOnly: a `pnpm publish` / `npm publish` / `changeset publish` run by
// hand would go to whatever registry the machine defaults to (the public one, where @reelkit is not
// ours). Only `pnpm release`, which checked its target, may publish.
if (!process.env.REELKIT_RELEASE_TARGET) {
  console.error('refusing to publish: use `pnpm release`, which publishes only to the configured internal registry (docs/releasing.md)');
  process.exit(1);
}
