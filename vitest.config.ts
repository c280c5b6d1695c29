import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // jieba's dictionary load dominates; forks keep native module state per file
    pool: 'forks',
    // two cores here: vitest's default (cores − 1) would run the files one at a time
    maxWorkers: 2,
    minWorkers: 1,
  },
});
