import type {
  APIUser,
  GatewayDispatchEvents,
  GatewayDispatchPayload,
  GatewayGuildCreateDispatchData,
  GatewayOpcodes,
} from 'discord-api-types/v10';
import type { SessionStarts } from './sharding.js';

/** Who a bot token belongs to, as the developer portal would say. */
export interface GatewayIdentity {
  user: APIUser;
  application: { id: string; flags: number };
  /** Privileged intent bits (GuildMembers, GuildPresences, MessageContent) switched on for the app. */
  privilegedIntents: number;
}

/**
 * What the gateway needs from the rest of the emulator. The REST side owns the state; the gateway
 * only reads it when a session starts or a client asks for members.
 */
export interface GatewayIdentitySource {
  authenticate(token: string): GatewayIdentity | null;
  /**
   * Every guild the bot is in, with the complete member list, presences and voice states. The
   * gateway trims members and presences per session the way Discord does (intents, large_threshold),
   * so callers never have to know a session's intents.
   */
  guildsFor(userId: string): GatewayGuildCreateDispatchData[];
}

export interface GatewayServerOptions {
  source: GatewayIdentitySource;
  /** Sent in HELLO; Discord's current value is 41250. */
  heartbeatIntervalMs?: number;
  /** How long a session whose socket dropped can still be resumed. */
  sessionTtlMs?: number;
  /** Dispatches kept per session for RESUME; older ones make a resume impossible. */
  replayBufferSize?: number;
  /** The application's IDENTIFY buckets and daily allowance; `max_concurrency` 1 by default. */
  sessionStarts?: SessionStarts;
}

/** The `d` of a dispatch named `E`, derived from discord-api-types so callers can't mix them up. */
export type DispatchData<E extends GatewayDispatchEvents> = GatewayDispatchPayload extends infer P
  ? P extends { t: infer T; d: infer D }
    ? E extends T
      ? D
      : never
    : never
  : never;

export interface DispatchOptions {
  /** Restrict to sessions of these bot users (e.g. INTERACTION_CREATE for one application). */
  userIds?: readonly string[];
}

/** A payload a client sent, as logged for tests; tokens are redacted. */
export interface ClientMessageRecord {
  op: GatewayOpcodes;
  d: unknown;
  sessionId: string | null;
  receivedAt: number;
}

/** The slice of a session that decides what a dispatch looks like to it. */
export interface SessionViewer {
  userId: string;
  intents: number;
  largeThreshold: number;
  shard: readonly [id: number, count: number];
}
