import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'discord-emulator',
    include: ['test/**/*.test.ts'],
    // Several tests start an emulator and a real discord.js client; forks keep their sockets and
    // module state apart.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
