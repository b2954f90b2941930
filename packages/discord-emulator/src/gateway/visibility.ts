import {
  GatewayDispatchEvents,
  GatewayIntentBits,
  PresenceUpdateStatus,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type GatewayMessageUpdateDispatchData,
  type GatewayThreadMembersUpdateDispatchData,
} from 'discord-api-types/v10';
import { messageFor } from '../message-content.js';
import { guildIdOf, hasIntent, requiredIntent } from './intents.js';
import { shardOfGuild } from './sharding.js';
import type { DispatchData, SessionViewer } from './types.js';

/** A dispatch before it gets a sequence number; `t` discriminates `d`. */
export type DispatchEnvelope = {
  [E in GatewayDispatchEvents]: { t: E; d: DispatchData<E> };
}[GatewayDispatchEvents];

/** MESSAGE_CREATE and MESSAGE_UPDATE carry the same full message shape. */
type GatewayMessageData = GatewayMessageCreateDispatchData | GatewayMessageUpdateDispatchData;

/** Above this, Discord sends only the bot and voice members in GUILD_CREATE whatever the intents. */
const HUGE_GUILD_MEMBERS = 75_000;

/**
 * What `viewer` receives for `dispatch`: the same payload, a trimmed copy (intent-dependent fields),
 * or null when the session must not see it at all. Never mutates the input, which is shared by all
 * sessions.
 */
export function viewDispatch(dispatch: DispatchEnvelope, viewer: SessionViewer): DispatchEnvelope | null {
  const needed = requiredIntent(dispatch.t, dispatch.d);
  if (needed !== null && !hasIntent(viewer.intents, needed)) return null;
  if (!isInShard(guildIdOf(dispatch.t, dispatch.d), viewer.shard)) return null;

  switch (dispatch.t) {
    case GatewayDispatchEvents.MessageCreate:
      return { t: dispatch.t, d: messageForViewer(dispatch.d, viewer) };
    case GatewayDispatchEvents.MessageUpdate:
      return { t: dispatch.t, d: messageForViewer(dispatch.d, viewer) };
    case GatewayDispatchEvents.GuildCreate:
      return { t: dispatch.t, d: guildForViewer(dispatch.d, viewer) };
    case GatewayDispatchEvents.ThreadMembersUpdate: {
      const d = threadMembersForViewer(dispatch.d, viewer);
      return d === null ? null : { t: dispatch.t, d };
    }
    default:
      return dispatch;
  }
}

/** Discord's sharding formula; events outside any guild (DMs, interactions in DMs) go to shard 0. */
export function isInShard(guildId: string | null, [shardId, shardCount]: SessionViewer['shard']): boolean {
  if (shardCount <= 1) return true;
  if (guildId === null || !/^\d+$/.test(guildId)) return shardId === 0;
  return shardOfGuild(guildId, shardCount) === shardId;
}

/**
 * Without MESSAGE_CONTENT, guild messages from others that don't mention the bot arrive with their
 * content fields emptied (Discord's "Message Content Intent" rules); DMs are always complete.
 */
export function messageForViewer(message: GatewayMessageData, viewer: SessionViewer): GatewayMessageData {
  return messageFor(message, viewer, message.guild_id === undefined);
}

/**
 * GUILD_CREATE member visibility per Discord's "Request Guild Members" notes: without
 * GUILD_PRESENCES (or in huge guilds) only the bot and voice members; in large guilds only members
 * that are online, have a role or nickname, or are in voice; otherwise everyone.
 */
export function guildForViewer(
  guild: GatewayGuildCreateDispatchData,
  viewer: SessionViewer,
): GatewayGuildCreateDispatchData {
  if (guild.unavailable === true) return guild;
  const memberCount = guild.member_count;
  const large = memberCount > viewer.largeThreshold;
  const inVoice = new Set((guild.voice_states ?? []).map((state) => state.user_id));
  const online = new Set(
    (guild.presences ?? [])
      .filter((presence) => presence.status !== undefined && presence.status !== PresenceUpdateStatus.Offline)
      .map((presence) => presence.user.id),
  );
  const withPresences = hasIntent(viewer.intents, GatewayIntentBits.GuildPresences);

  const members = (guild.members ?? []).filter((member) => {
    const id = member.user.id;
    if (id === viewer.userId || inVoice.has(id)) return true;
    if (!withPresences || memberCount > HUGE_GUILD_MEMBERS) return false;
    if (!large) return true;
    return online.has(id) || member.roles.length > 0 || Boolean(member.nick);
  });
  const included = new Set(members.map((member) => member.user.id));
  const presences = withPresences
    ? (guild.presences ?? []).filter((presence) => included.has(presence.user.id))
    : [];
  return { ...guild, large, members, presences };
}

/** Without GUILD_MEMBERS the event only reports the bot joining or leaving the thread. */
export function threadMembersForViewer(
  update: GatewayThreadMembersUpdateDispatchData,
  viewer: SessionViewer,
): GatewayThreadMembersUpdateDispatchData | null {
  if (hasIntent(viewer.intents, GatewayIntentBits.GuildMembers)) return update;
  const added = (update.added_members ?? []).filter((member) => member.user_id === viewer.userId);
  const removed = (update.removed_member_ids ?? []).filter((id) => id === viewer.userId);
  if (added.length === 0 && removed.length === 0) return null;
  return { ...update, added_members: added, removed_member_ids: removed };
}
