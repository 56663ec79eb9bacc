import { defineProject } from 'vitest/config';

// Tests run against the sources of the workspace packages (the `@reelkit/source` export
// condition), not their last build; vite's server side (where vitest runs) needs it set too.
export default defineProject({
  resolve: { conditions: ['@reelkit/source'] },
  ssr: { resolve: { conditions: ['@reelkit/source'] } },
  test: {},
});
