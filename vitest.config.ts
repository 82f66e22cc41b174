import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests start servers on port 0; files still run in parallel workers.
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
