import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@reelkit/source'] },
  test: {
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
