import type { DiscordEmulator } from '@roots-bot/discord-emulator';

export interface SettleOptions {
  /** How long nothing must happen before the world counts as settled. */
  readonly idleMs?: number;
  /** Give up waiting after this long: a bot that keeps busy must not freeze the terminal. */
  readonly maxMs?: number;
}

/**
 * Resolves once the bot has gone quiet: no REST request and no change in the world for `idleMs`.
 * What a member does often sets the bot working in the background (a join starts a welcome DM),
 * and waiting for the quiet keeps a scripted run's output in the order things happened.
 */
export function settle(emulator: DiscordEmulator, { idleMs = 200, maxMs = 5000 }: SettleOptions = {}): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    let changes = 0;
    const onChange = () => void changes++;
    emulator.world.events.on('change', onChange);
    let seen = { changes, requests: emulator.requests.length, at: started };
    const timer = setInterval(() => {
      const now = Date.now();
      if (changes !== seen.changes || emulator.requests.length !== seen.requests) seen = { changes, requests: emulator.requests.length, at: now };
      if (now - seen.at < idleMs && now - started < maxMs) return;
      clearInterval(timer);
      emulator.world.events.off('change', onChange);
      resolve();
    }, 20);
  });
}
