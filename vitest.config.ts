import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Bundles for the subprocess and package tests, rebuilt only when a source changed.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-yield.ts'],
    // Test files run in child processes, two at a time (vitest's default is one on a 2-core machine).
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
