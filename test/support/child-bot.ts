import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { DiscordEmulator } from '@roots-bot/discord-emulator';
import type { DatabaseTarget } from '../../src/db/target.js';
import type { ChildMessage, ParentMessage } from './bot-process.js';

const ENTRY = fileURLToPath(new URL('./bot-process.ts', import.meta.url));

/** A bot running in a child process (bot-process.ts), driven from a test. */
export interface ChildBot {
  /** Moves the child's clock; its tickers run at once, as with ManualClock in-process. */
  setClock(at: number): void;
  /** Resolves when the child's scheduled work has finished. */
  settled(): Promise<void>;
  /** `kill -9`: no shutdown, no last writes. */
  crash(): Promise<void>;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
}

export async function startChildBot(
  emulator: DiscordEmulator,
  options: { readonly database: DatabaseTarget; readonly clockMs: number; readonly features?: readonly string[] },
): Promise<ChildBot> {
  const child: ChildProcess = fork(ENTRY, {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ROOTS_API_URL: emulator.apiUrl,
      ROOTS_TOKEN: emulator.token,
      ...(options.database.kind === 'postgres' ? { ROOTS_DATABASE_URL: options.database.url } : { ROOTS_DATABASE_PATH: options.database.path }),
      ROOTS_CLOCK_MS: String(options.clockMs),
      ...(options.features ? { ROOTS_FEATURES: options.features.join(',') } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const messages = (type: ChildMessage['type'], id?: number) =>
    new Promise<ChildMessage>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'failed') reject(new Error(`the bot process could not start: ${message.message}`));
        // A settle reply answers one request: overlapping calls must not resolve each other.
        else if (message.type === type && (id === undefined || ('id' in message && message.id === id))) {
          child.off('message', onMessage);
          resolve(message);
        }
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error('the bot process exited')));
    });
  await messages('ready');
  const post = (message: ParentMessage) => child.send(message);
  let settles = 0;
  return {
    setClock: (at) => post({ type: 'clock', at }),
    async settled() {
      const id = ++settles;
      const reply = messages('settled', id);
      post({ type: 'settle', id });
      await reply;
    },
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
