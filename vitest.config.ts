import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // jieba's dictionary load dominates; forks keep native module state per file
    pool: 'forks',
    // one module graph per worker process, not per test file: jieba's dictionary (~2.5 s here) is
    // then loaded once per worker instead of once per file that segments
    poolOptions: { forks: { isolate: false } },
    // a beforeAll that loads jieba on a busy machine can take longer than vitest's default 10 s
    hookTimeout: 30_000,
    // two cores here: vitest's default (cores − 1) would run the files one at a time
    maxWorkers: 2,
    minWorkers: 1,
  },
});
