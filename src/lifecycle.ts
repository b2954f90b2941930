import type { Logger } from './logger.js';

/** Resolves once a SIGINT/SIGTERM has been handled by stopping the bot cleanly. */
export function stopOnSignal(bot: { stop(): Promise<void> }, logger: Logger): Promise<void> {
  // A handler error must never take the process down; it is logged and the bot keeps serving.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'an unhandled promise rejection'));
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping');
      bot.stop().then(resolve, (error: unknown) => {
        logger.error({ err: error }, 'stopping did not finish cleanly');
        resolve();
      });
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

/**
 * Ends the process once the logs and stderr are written. For a start that failed: discord.js can
 * keep reconnecting after destroy(), and its timers would keep the process alive indefinitely.
 */
export async function exitAfterFlushing(logger: Logger, code: number): Promise<never> {
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
