import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // property tests: a seed per commit in CI, a fresh one elsewhere (see the file)
    setupFiles: ['tests/setup/fast-check-seed.ts'],
    // the default report for people, and a JSON one that .ci/run sums up
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
