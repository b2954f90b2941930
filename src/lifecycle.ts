import { DiscordAPIError, DiscordjsErrorCodes, GatewayCloseCodes, HTTPError } from 'discord.js';
import { GatewayRefusedError, GatewayUnreachableError, StartupError } from './bot.js';
import { DatabaseStartError } from './db/open.js';
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

// Node's and undici's codes for "the network never got us there".
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 10; current = current instanceof Error ? current.cause : undefined) chain.push(current);
  return chain;
}

const codeOf = (error: unknown): unknown => (error instanceof Error && 'code' in error ? error.code : undefined);

function isUnreachable(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      e instanceof GatewayUnreachableError ||
      (typeof codeOf(e) === 'string' && NETWORK_CODES.has(String(codeOf(e)))) ||
      (e instanceof HTTPError && e.status >= 500) ||
      (e instanceof Error && e.name === 'AbortError'),
  );
}

function isRefusedToken(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      codeOf(e) === DiscordjsErrorCodes.TokenInvalid ||
      (e instanceof DiscordAPIError && e.status === 401) ||
      (e instanceof GatewayRefusedError && e.closeCode === GatewayCloseCodes.AuthenticationFailed),
  );
}

function isRefusedIntents(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      codeOf(e) === DiscordjsErrorCodes.DisallowedIntents ||
      (e instanceof GatewayRefusedError && e.closeCode === GatewayCloseCodes.DisallowedIntents) ||
      (e instanceof Error && e.message === 'Used disallowed intents'),
  );
}

/** 4010 (a shard that doesn't exist) or 4011 (too many servers on one connection), if that was it. */
function refusedShardingCode(error: unknown): number | undefined {
  const refusal = causes(error).find(
    (e): e is GatewayRefusedError =>
      e instanceof GatewayRefusedError && (e.closeCode === GatewayCloseCodes.InvalidShard || e.closeCode === GatewayCloseCodes.ShardingRequired),
  );
  return refusal?.closeCode;
}

/**
 * What a person starting the bot reads when it can't start: what happened and what to check, in
 * plain words. The error itself, with its codes and stack, goes to the log.
 */
export function explainStartFailure(error: unknown, apiUrl: string | undefined): string {
  const where = apiUrl === undefined ? 'Discord' : `Discord at ${apiUrl} (DISCORD_API_URL)`;
  // First: its cause may be a refused connection, which isn't Discord's doing.
  if (error instanceof DatabaseStartError) return `Roots Bot could not start: ${error.message}`;
  if (isRefusedToken(error)) {
    return [
      'Roots Bot could not start: Discord did not accept the bot token.',
      'Check DISCORD_TOKEN: copy it again from the Developer Portal (your application → Bot → Reset Token). A token stops working once it is reset.',
    ].join('\n');
  }
  if (isRefusedIntents(error)) {
    return [
      'Roots Bot could not start: Discord refused the Server Members Intent the bot needs (onboarding starts when a member joins).',
      'Switch it on in the Developer Portal: your application → Bot → Privileged Gateway Intents → Server Members Intent.',
    ].join('\n');
  }
  const sharding = refusedShardingCode(error);
  if (sharding === GatewayCloseCodes.ShardingRequired) {
    return [
      'Roots Bot could not start: Discord requires sharding. The bot is in more than 2,500 servers, more than one connection may hold.',
      'Set SHARD_COUNT=auto (or a larger number) and start again; docs/operations.md explains running shards.',
    ].join('\n');
  }
  if (sharding === GatewayCloseCodes.InvalidShard) {
    return [
      'Roots Bot could not start: Discord refused the number of shards (SHARD_COUNT).',
      'Set SHARD_COUNT=auto so the bot uses the number Discord recommends, and start again.',
    ].join('\n');
  }
  if (isUnreachable(error)) {
    return [
      `Roots Bot could not start: ${where} could not be reached.`,
      'Check that this computer is online and that no firewall or proxy blocks discord.com and gateway.discord.gg (HTTPS and WebSocket).',
      apiUrl === undefined
        ? 'If Discord itself is having trouble (https://discordstatus.com), try again later.'
        : 'Check that DISCORD_API_URL is right, or leave it empty to connect to Discord itself.',
      'The details are in the log.',
    ].join('\n');
  }
  if (error instanceof StartupError) return `Roots Bot could not start: ${error.message}`;
  return `Roots Bot could not start: ${error instanceof Error ? error.message : String(error)}\nThe details are in the log.`;
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
