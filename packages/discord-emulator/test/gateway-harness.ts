import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ChannelType,
  GatewayIntentBits,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  RoleFlags,
  type APIGuildMember,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
} from 'discord-api-types/v10';
import { Client, type ClientOptions } from 'discord.js';
import { GatewayServer, type GatewayIdentity, type GatewayServerOptions } from '../src/gateway.js';

/** Test-only stand-in for the emulator's REST side: just enough for discord.js to log in. */

export const TOKENS = {
  /** App with every privileged intent switched on in the "portal". */
  good: 'good-token',
  /** App with no privileged intents enabled. */
  limited: 'limited-token',
} as const;

export const IDS = {
  bot: '1100000000000000001',
  limitedBot: '1100000000000000002',
  alice: '1100000000000000010',
  bob: '1100000000000000011',
  carol: '1100000000000000012',
  guild: '1200000000000000001',
  general: '1200000000000000010',
  voice: '1200000000000000011',
  educatorRole: '1200000000000000020',
} as const;

function user(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: null, avatar: null, ...(bot ? { bot: true } : {}) };
}

export const USERS = {
  bot: user(IDS.bot, 'roots-bot', true),
  limitedBot: user(IDS.limitedBot, 'limited-bot', true),
  alice: user(IDS.alice, 'alice'),
  bob: user(IDS.bob, 'bob'),
  carol: user(IDS.carol, 'carol'),
};

/** Bitfield enums have no 0 member, yet "no flags" is what Discord sends. */
const NO_FLAGS = 0 as GuildMemberFlags & RoleFlags;

const JOINED_AT = '2024-01-01T00:00:00.000Z';

export function member(of: APIUser, roles: string[] = []): APIGuildMember {
  return { user: of, roles, joined_at: JOINED_AT, deaf: false, mute: false, flags: NO_FLAGS, nick: null };
}

function role(id: string, name: string, position: number, permissions: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: NO_FLAGS,
  };
}

export function guildFixture(): GatewayGuildCreateDispatchData {
  return {
    id: IDS.guild,
    name: 'Roots Educators',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: IDS.alice,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [role(IDS.guild, '@everyone', 0, '68608'), role(IDS.educatorRole, 'Educator', 1, '0')],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: IDS.general,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [member(USERS.bot), member(USERS.alice, [IDS.educatorRole]), member(USERS.bob)],
    channels: [
      {
        id: IDS.general,
        type: ChannelType.GuildText,
        guild_id: IDS.guild,
        name: 'general',
        position: 0,
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        permission_overwrites: [],
      },
      {
        id: IDS.voice,
        type: ChannelType.GuildVoice,
        guild_id: IDS.guild,
        name: 'Podcast Club',
        position: 1,
        parent_id: null,
        nsfw: false,
        bitrate: 64000,
        user_limit: 0,
        rtc_region: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        permission_overwrites: [],
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

let messageCounter = 0;

export function messageFixture(
  content: string,
  options: { author?: APIUser; mentions?: APIUser[]; guildId?: string | null } = {},
): GatewayMessageCreateDispatchData {
  messageCounter++;
  const guildId = options.guildId === undefined ? IDS.guild : options.guildId;
  return {
    id: String(1300000000000000000n + BigInt(messageCounter)),
    channel_id: IDS.general,
    author: options.author ?? USERS.alice,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [{ title: 'An embed' }],
    pinned: false,
    type: MessageType.Default,
    ...(guildId === null ? {} : { guild_id: guildId }),
  };
}

function identities(): Map<string, GatewayIdentity> {
  return new Map([
    [
      TOKENS.good,
      {
        user: USERS.bot,
        application: { id: IDS.bot, flags: 0 },
        privilegedIntents:
          GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent,
      },
    ],
    [TOKENS.limited, { user: USERS.limitedBot, application: { id: IDS.limitedBot, flags: 0 }, privilegedIntents: 0 }],
  ]);
}

export interface Harness {
  gateway: GatewayServer;
  api: string;
  port: number;
  /** A discord.js client against the harness, destroyed by `close()`. */
  client(intents: number[], options?: Partial<ClientOptions>): Client;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<Omit<GatewayServerOptions, 'source'>> = {}): Promise<Harness> {
  const known = identities();
  const guild = guildFixture();
  const gateway = new GatewayServer({
    heartbeatIntervalMs: 1_000,
    ...options,
    source: {
      authenticate: (token) => known.get(token) ?? null,
      guildsFor: (userId) => (userId === IDS.bot ? [structuredClone(guild)] : []),
    },
  });

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stub.invalid').pathname;
    const reply = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method === 'GET' && path === '/api/v10/gateway/bot') {
      return reply(200, {
        url: `ws://127.0.0.1:${port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (request.method === 'GET' && path === '/api/v10/users/@me') return reply(200, USERS.bot);
    return reply(404, { message: '404: Not Found', code: 0 });
  });
  gateway.attach(server, '/gateway');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const api = `http://127.0.0.1:${port}/api`;

  const clients: Client[] = [];
  return {
    gateway,
    api,
    port,
    client(intents, clientOptions = {}) {
      const client = new Client({ intents, rest: { api }, ...clientOptions });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.destroy()));
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
  /** Whether it came in a binary (compressed) frame. */
  binary?: boolean;
}

/** A bare WebSocket client for protocol edge cases discord.js never produces. */
export interface RawGatewayClient {
  send(payload: unknown): void;
  sendText(text: string): void;
  next(predicate?: (payload: ReceivedPayload) => boolean, timeoutMs?: number): Promise<ReceivedPayload>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function rawClient(port: number, query = 'v=10&encoding=json'): Promise<RawGatewayClient> {
  const { WebSocket } = await import('ws');
  const { inflateSync, constants } = await import('node:zlib');
  const socket = new WebSocket(`ws://127.0.0.1:${port}/gateway?${query}`);
  const received: ReceivedPayload[] = [];
  const waiters = new Set<() => void>();
  const zlibStream = query.includes('compress=zlib-stream');
  // zlib-stream: inflate everything received so far and keep the part not yet consumed; quadratic,
  // but payloads here are tiny and it needs no assumptions about stream event ordering. Without it,
  // binary frames are IDENTIFY `compress: true` payloads, each a zlib stream of its own.
  let compressed = Buffer.alloc(0);
  let consumedText = 0;

  socket.on('message', (data: Buffer, isBinary: boolean) => {
    let text: string;
    if (isBinary && zlibStream) {
      compressed = Buffer.concat([compressed, data]);
      const all = inflateSync(compressed, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      text = all.slice(consumedText);
      consumedText = all.length;
    } else if (isBinary) {
      text = inflateSync(data).toString('utf8');
    } else {
      text = data.toString('utf8');
    }
    received.push({ ...(JSON.parse(text) as ReceivedPayload), binary: isBinary });
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  return {
    send: (payload) => socket.send(JSON.stringify(payload)),
    sendText: (text) => socket.send(text),
    next(predicate = () => true, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const index = received.findIndex(predicate);
          if (index === -1) return;
          const [payload] = received.splice(0, index + 1).slice(-1);
          waiters.delete(check);
          clearTimeout(timer);
          if (payload) resolve(payload);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('No matching gateway payload in time'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    closed,
    close: () => socket.close(1000),
  };
}
