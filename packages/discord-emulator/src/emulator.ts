import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits } from 'discord-api-types/v10';
import { ApplicationCommands } from './commands.js';
import { GatewayServer } from './gateway.js';
import { DISCORD_DM_OPENINGS, DmOpenings, type DmOpeningLimit } from './dm-openings.js';
import { recommendedShardCount, SessionStarts, type SessionStartOptions } from './gateway/sharding.js';
import { RequestFaults } from './faults.js';
import { OAuth2Provider } from './oauth2.js';
import { DISCORD_INTERACTION_TIMINGS, Interactions, type InteractionTimings } from './interactions.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limit.js';
import { RestApi, type RequestRecord } from './rest.js';
import { World, type UserRecord } from './world.js';

export interface EmulatorOptions {
  /** Rate limits; Discord-like by default. `{ disabled: true }` for tests that don't study them. */
  readonly rateLimits?: Omit<RateLimiterOptions, 'clock'>;
  readonly interactionTimings?: Partial<InteractionTimings>;
  readonly heartbeatIntervalMs?: number;
  /** Privileged intents switched on for the bot in the "Developer Portal"; GuildMembers by default. */
  readonly privilegedIntents?: number;
  /**
   * How many new DM channels the bot may open in a window before Discord answers 40003; an
   * UNVERIFIED guess by default (dm-openings.ts). `'unlimited'` for benchmarks of other limits.
   */
  readonly dmOpenings?: DmOpeningLimit | 'unlimited';
  readonly botName?: string;
  /** The bot user's id, to reopen a saved world (world-snapshot.ts) whose messages it wrote. */
  readonly botUserId?: string;
  /**
   * The application's session starts: `max_concurrency` (1, as for most bots; large bots get 16 or
   * more) and the window between IDENTIFYs of one bucket (Discord's 5 s).
   */
  readonly sessionStarts?: Omit<SessionStartOptions, 'clock'>;
}

/**
 * A loopback Discord: one HTTP port serving REST under /api/v10 and the gateway WebSocket, with a
 * single application and its bot user. The real discord.js client connects to it unmodified.
 */
export class DiscordEmulator {
  readonly world = new World();
  readonly bot: UserRecord;
  readonly application: { readonly id: string; readonly name: string };
  /** The bot token, as the Developer Portal would show it. */
  readonly token: string;
  readonly commands: ApplicationCommands;
  readonly interactions: Interactions;
  readonly requests: RequestRecord[] = [];
  /** Test hooks on REST requests: hold, drop or fail them (faults.ts). */
  readonly faults = new RequestFaults();
  readonly limiter;
  /** "Sign in with Discord": the OAuth2 endpoints, the client secret and the redirect URLs (oauth2.ts). */
  readonly oauth2: OAuth2Provider;
  readonly #server: Server;
  readonly #gateway: GatewayServer;
  readonly #rest: RestApi;
  #port = 0;

  private constructor(options: EmulatorOptions) {
    const name = options.botName ?? 'Roots Bot';
    this.bot = this.world.createUser({ username: name, bot: true, ...(options.botUserId === undefined ? {} : { id: options.botUserId }) });
    this.application = { id: this.bot.id, name };
    this.token = `${Buffer.from(this.bot.id).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(24).toString('base64url')}`;
    this.commands = new ApplicationCommands(this.world, this.application.id);
    this.interactions = new Interactions(
      this.world,
      { id: this.application.id, botUserId: this.bot.id },
      { ...DISCORD_INTERACTION_TIMINGS, ...options.interactionTimings },
      () => this.httpUrl,
    );
    this.limiter = createRateLimiter({ clock: Date.now, ...options.rateLimits });
    const privilegedIntents = options.privilegedIntents ?? GatewayIntentBits.GuildMembers;
    const sessionStarts = new SessionStarts(options.sessionStarts);
    this.#rest = new RestApi({
      world: this.world,
      interactions: this.interactions,
      commands: this.commands,
      limiter: this.limiter,
      app: { id: this.application.id, name, botUserId: this.bot.id, token: this.token },
      urls: () => ({ http: this.httpUrl, gateway: this.gatewayUrl }),
      gatewayBot: () => ({
        url: this.gatewayUrl,
        shards: recommendedShardCount([...this.world.guilds.values()].filter((guild) => guild.members.has(this.bot.id)).length),
        session_start_limit: sessionStarts.limit(),
      }),
      onRequest: (record) => this.requests.push(record),
      faults: this.faults,
      dmOpenings: new DmOpenings(options.dmOpenings === 'unlimited' ? null : (options.dmOpenings ?? DISCORD_DM_OPENINGS), () => this.world.now()),
      privilegedIntents,
    });
    this.oauth2 = new OAuth2Provider({ world: this.world, clientId: this.application.id });
    this.#server = createServer((request, response) => void (this.oauth2.owns(request) ? this.oauth2.handle(request, response) : this.#rest.handle(request, response)));
    this.#gateway = new GatewayServer({
      source: {
        authenticate: (token) =>
          token === this.token
            ? { user: this.world.apiUser(this.bot.id), application: { id: this.application.id, flags: 0 }, privilegedIntents }
            : null,
        guildsFor: (userId) => this.world.guildCreatePayloads(userId),
      },
      sessionStarts,
      ...(options.heartbeatIntervalMs !== undefined ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
    });
    this.#gateway.attach(this.#server, '/gateway');
    this.world.connect({ dispatch: (event, data) => this.#gateway.dispatch(event as never, data as never) });
  }

  static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await new Promise<void>((resolve, reject) => {
      emulator.#server.once('error', reject);
      emulator.#server.listen(0, '127.0.0.1', () => resolve());
    });
    emulator.#port = (emulator.#server.address() as AddressInfo).port;
    return emulator;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** What discord.js takes as `rest.api`. */
  get apiUrl(): string {
    return `${this.httpUrl}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }

  get gateway(): GatewayServer {
    return this.#gateway;
  }

  async close(): Promise<void> {
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
