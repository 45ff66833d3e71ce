import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests run the real binary as a child process; on a loaded two-core CI machine one
    // such test can take several seconds, which is slowness, not failure.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
