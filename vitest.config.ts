import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // End-to-end tests start an emulator and a real discord.js client each; two cores run them best
    // a file at a time per worker, without sharing module state.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // One `npm test` runs the bot's tests and every workspace package's own (each package keeps its
    // vitest.config.ts, so `npm test` inside a package runs the same tests the same way).
    projects: [{ extends: true, test: { name: 'bot', include: ['test/**/*.test.ts'] } }, 'packages/*'],
  },
});
