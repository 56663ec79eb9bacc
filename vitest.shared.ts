// The one vitest project preset every package and app uses (their vitest.config.ts re-export it).
import { defineProject } from 'vitest/config';

// Tests run against the workspace packages' sources (the `@reelkit/source` export condition), not
// their last build. Vitest runs tests on vite's server side, which needs the condition too.
const conditions = ['@reelkit/source'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Type-level tests (`*.test-d.ts`) run when the package's test script passes --typecheck.
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
