import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real-data suites read the whole action catalog and every AWS managed policy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on two cores is one worker; many files wait on child processes and solver start-up.
    maxWorkers: 2,
  },
});
