// Runs every package's and app's tests from the root (`pnpm exec vitest`); CI runs them per package through turbo.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { projects: ['packages/*', 'apps/*'] },
});
