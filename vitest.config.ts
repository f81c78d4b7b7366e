import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts, whose root is web/: tests live under tests/.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
