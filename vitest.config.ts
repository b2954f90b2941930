import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start an emulator and a real discord.js client each; two cores run them best
    // a file at a time per worker, without sharing module state.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
