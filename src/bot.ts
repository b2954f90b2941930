import { once } from 'node:events';
import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials, type ClientOptions, type CloseEvent } from 'discord.js';
import { BOT_CACHE } from './client-cache.js';
import { systemClock, type Clock } from './clock.js';
import { loadContent } from './content/index.js';
import type { BotContext } from './context.js';
import type { Db } from './db/connection.js';
import { openMigratedDatabase } from './db/open.js';
import type { DatabaseTarget } from './db/target.js';
import type { Feature, Stoppable } from './features/feature.js';
import { featureSet } from './features/feature-set.js';
import { createFeatures } from './features/index.js';
import { ensureGuildSettings } from './guilds/guild-settings.js';
import { createRouter } from './interactions/router.js';
import { COMMANDS_DIR, loadCommands, type CommandRegistry } from './interactions/registry.js';
import type { Logger } from './logger.js';
import { shardsServedBy } from './sharding/client.js';
import { globalRequestShare, type ShardPlan } from './sharding/plan.js';
import { createPictureRenderer, type PictureRenderer } from './pictures/index.js';
import { BOT_VERSION } from './version.js';

/**
 * The gateway intents the bot asks for. GuildMembers is privileged: it must be switched on in the
 * Developer Portal, because onboarding starts when a member joins.
 */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers] as const;

/**
 * @discordjs/rest retries a 5xx or a dropped connection at once, with no back-off, 3 times by
 * default: during an outage every post became 4 requests in a burst. One immediate retry still
 * rides out a lone blip; anything longer is left to the caller's own back-off (rituals try again
 * after 1 and 5 minutes), so an outage costs 2 requests per attempt.
 */
export const BOT_REST_OPTIONS = { retries: 1 } as const;

export interface BotOptions {
  readonly token: string;
  /** REST base URL; unset means Discord itself. The sandbox and tests point it at the emulator. */
  readonly apiUrl?: string | undefined;
  readonly database: DatabaseTarget;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly commandsDir?: string;
  /** Commands already loaded (the sandbox publishes them first); loaded from `commandsDir` otherwise. */
  readonly registry?: CommandRegistry;
  /**
   * Makes the features this bot runs, fresh for each start (a restart gets new ones, as a new
   * process would); every feature unless a test narrows it.
   */
  readonly features?: () => readonly Feature[];
  /**
   * How long the first connection may take, READY and every server included, before the start
   * counts as failed. discord.js itself would wait forever.
   */
  readonly readyTimeoutMs?: number;
  /** How many times the gateway may drop or refuse the first connection before the start fails. */
  readonly gatewayAttempts?: number;
  /**
   * The shards this process opens. Unset: what discord.js decides alone (one shard, or the share
   * a ShardingManager handed this process).
   */
  readonly shards?: ShardPlan;
  /** Draws pictures; the resvg renderer unless a test gives one that fails. */
  readonly pictures?: PictureRenderer;
}

/** discord.js's options for a shard plan; each process serves the servers of its shards only. */
export function shardOptions(plan: ShardPlan | undefined): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (plan === undefined) return {};
  switch (plan.kind) {
    case 'auto':
      return { shards: 'auto' };
    case 'all':
      return { shardCount: plan.count };
    case 'some':
      return { shards: [...plan.shards.ids], shardCount: plan.shards.count };
  }
}

const DEFAULT_READY_TIMEOUT_MS = 60_000;
const DEFAULT_GATEWAY_ATTEMPTS = 5;

export interface RunningBot {
  readonly client: Client<true>;
  readonly db: Db;
  readonly ctx: BotContext;
  readonly registry: CommandRegistry;
  /** Stops taking work, lets in-flight handlers finish, then closes the connection and the database. */
  stop(): Promise<void>;
}

export class StartupError extends Error {
  override readonly name: string = 'StartupError';
}

/** The gateway kept refusing or dropping the first connection (network, firewall, an outage). */
export class GatewayUnreachableError extends StartupError {
  override readonly name = 'GatewayUnreachableError';
  constructor(
    readonly attempts: number,
    options?: { cause: unknown },
  ) {
    super(`The Discord gateway could not be reached: ${attempts} connection attempt${attempts === 1 ? '' : 's'} failed before the bot was ready`, options);
  }
}

/** The gateway closed the connection for good with one of Discord's close codes (4004: the token). */
export class GatewayRefusedError extends StartupError {
  override readonly name = 'GatewayRefusedError';
  constructor(readonly closeCode: number) {
    super(`The Discord gateway refused the connection with close code ${closeCode} (${GatewayCloseCodes[closeCode] ?? 'unknown'})`);
  }
}

/**
 * Logs in and waits for ClientReady, but not forever: discord.js retries a refused gateway every
 * half second without end, and its login promise never settles meanwhile.
 */
async function connect(client: Client, token: string, limits: { readonly readyTimeoutMs: number; readonly gatewayAttempts: number }): Promise<void> {
  const cleanup: (() => void)[] = [];
  // Errors of the WebSocket itself: login rejects with the first one (a 503 on the upgrade, say).
  const shardErrors = new Set<Error>();
  const onShardError = (error: Error) => shardErrors.add(error);
  client.on(Events.ShardError, onShardError);
  cleanup.push(() => client.off(Events.ShardError, onShardError));
  let attempts = 0;
  const failed = new Promise<never>((_resolve, reject) => {
    const onReconnecting = () => {
      attempts += 1;
      if (attempts >= limits.gatewayAttempts) reject(new GatewayUnreachableError(attempts));
    };
    const onDisconnect = (event: CloseEvent) => reject(new GatewayRefusedError(event.code));
    client.on(Events.ShardReconnecting, onReconnecting);
    client.on(Events.ShardDisconnect, onDisconnect);
    const timer = setTimeout(
      () => reject(new StartupError(`Discord did not finish connecting within ${Math.round(limits.readyTimeoutMs / 1000)} s`)),
      limits.readyTimeoutMs,
    );
    cleanup.push(() => {
      client.off(Events.ShardReconnecting, onReconnecting);
      client.off(Events.ShardDisconnect, onDisconnect);
      clearTimeout(timer);
    });
  });
  const abort = new AbortController();
  cleanup.push(() => abort.abort());
  const ready = once(client, Events.ClientReady, { signal: abort.signal });
  ready.catch(() => undefined);
  const loggedIn = client.login(token).then(
    () => ready,
    (error: unknown) => {
      // A refusal with a close code (4004, 4014) is explained by `failed`, which settles first.
      throw error instanceof Error && shardErrors.has(error) ? new GatewayUnreachableError(attempts + 1, { cause: error }) : error;
    },
  );
  // Whichever loses the race must not surface later as an unhandled rejection.
  loggedIn.catch(() => undefined);
  failed.catch(() => undefined);
  try {
    await Promise.race([loggedIn, failed]);
  } finally {
    for (const step of cleanup) step();
  }
}

/**
 * A client whose start failed: nothing of ours may run on it any more (the database is about to
 * close), and destroy() is as much as discord.js offers. Its reconnect loop can outlive destroy()
 * (a shard waiting to retry is "idle" and ignores it), so a process whose start failed must exit.
 */
async function abandon(client: Client): Promise<void> {
  client.removeAllListeners();
  await client.destroy();
}

/** Starts the bot: the one path used by `npm start`, the sandbox and the end-to-end tests. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;

  const content = await loadContent();
  if (!content.ok) throw new StartupError(`The content in data/ has problems:\n${content.error.message}`);
  const registry = options.registry ?? (await loadCommands(options.commandsDir ?? COMMANDS_DIR));

  const db = await openMigratedDatabase(options.database, { logger });

  const features = (options.features ?? createFeatures)();
  const names = features.map((feature) => feature.name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length > 0) {
    await db.destroy();
    throw new StartupError(`Two features are called ${twice.join(', ')}; each feature's name must be unique.`);
  }
  const ctx: BotContext = {
    db,
    clock,
    logger,
    startedAt: clock.now(),
    version: BOT_VERSION,
    content: content.value,
    features: featureSet(features),
    privacy: new Map(features.flatMap((feature) => (feature.privacy ? [[feature.name, feature.privacy] as const] : []))),
    pictures: options.pictures ?? createPictureRenderer(),
  };
  const router = createRouter(
    registry,
    ctx,
    features.flatMap((feature) => feature.components ?? []),
  );

  const client = new Client({
    intents: [...BOT_INTENTS],
    // Interactions from DMs come from channels the cache has never seen; without this partial
    // discord.js drops them.
    partials: [Partials.Channel],
    // Nothing the bot writes pings anyone unless a message opts in explicitly.
    allowedMentions: { parse: [] },
    ...BOT_CACHE,
    rest: {
      ...BOT_REST_OPTIONS,
      globalRequestsPerSecond: globalRequestShare(options.shards),
      ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
    },
    ...shardOptions(options.shards),
  });

  const onInteraction = (interaction: Parameters<typeof router.handle>[0]) => void router.handle(interaction);
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.GuildCreate, (guild) => {
    ensureGuildSettings(db, clock, guild.id).catch((error: unknown) => logger.error({ err: error, guild: guild.id }, 'could not record a server'));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'the Discord client reported an error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'the Discord client warned'));
  for (const feature of features) feature.attach?.(client, ctx);

  try {
    await connect(client, options.token, {
      readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      gatewayAttempts: options.gatewayAttempts ?? DEFAULT_GATEWAY_ATTEMPTS,
    });
  } catch (error) {
    await abandon(client);
    await db.destroy();
    throw error;
  }
  const readyClient = client as Client<true>;
  await Promise.all(readyClient.guilds.cache.map((guild) => ensureGuildSettings(db, clock, guild.id)));
  const running: Stoppable[] = [];
  try {
    for (const feature of features) if (feature.start) running.push(await feature.start(readyClient, ctx));
  } catch (error) {
    // A feature that can't start stops the bot, but what already started must not linger.
    await Promise.all(running.map((task) => task.stop()));
    await abandon(client);
    await db.destroy();
    throw error;
  }
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, shards: shardsServedBy(readyClient), version: BOT_VERSION }, 'Roots Bot is online');

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    db,
    ctx,
    registry,
    stop() {
      stopping ??= (async () => {
        // Schedules first, so nothing new starts; then let handlers finish their writes.
        await Promise.all(running.map((task) => task.stop()));
        client.off(Events.InteractionCreate, onInteraction);
        await router.settled();
        await client.destroy();
        await db.destroy();
        logger.info('Roots Bot stopped');
      })();
      return stopping;
    },
  };
}
