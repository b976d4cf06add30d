import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // the default report for people, and a JSON one that .ci/run sums up
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
