import { EventEmitter } from 'node:events';
import {
  ChannelType,
  GatewayDispatchEvents,
  PermissionFlagsBits,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIOverwrite,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { ApiErrors } from './api-error.js';
import { discordLocale } from './locales.js';
import type { UploadedFile } from './uploads.js';
import { computeChannelPermissions, type PermissionChannel, type PermissionGuild, type PermissionMember } from './permissions.js';
import { SnowflakeGenerator } from './snowflake.js';

/**
 * The emulated Discord: users, servers, roles, members, channels, threads and messages, with the
 * rules that decide who sees what. REST handlers and the harness both change the world through
 * these methods, and each change is announced to the gateway as the matching dispatch.
 */

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
  /** A member who turned off DMs from server members: the bot gets 50007. */
  dmsOpen: boolean;
  /** The language their Discord client is set to (a Discord locale, e.g. "es-ES"): each interaction's `locale`. */
  locale: string;
}

export interface MemberRecord {
  readonly userId: string;
  roles: string[];
  readonly joinedAt: string;
  /** True until the member passes rules screening (Membership Screening). */
  pending: boolean;
  nick: string | null;
}

export interface GuildRecord {
  readonly id: string;
  name: string;
  readonly ownerId: string;
  readonly roles: Map<string, APIRole>;
  readonly members: Map<string, MemberRecord>;
  /** Whether new members must accept the rules first (`pending` until they do). */
  rulesScreening: boolean;
  readonly joinedAt: string;
  /** The server's "primary language" (a Discord locale): `preferred_locale`, and `guild_locale` on interactions. */
  preferredLocale: string;
}

export interface ThreadState {
  readonly ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: 60 | 1440 | 4320 | 10080;
  archiveTimestamp: string;
  readonly createdAt: string;
  invitable: boolean;
  readonly members: Set<string>;
  messageCount: number;
  /**
   * When the thread last had "activity" as Discord defines it (a message sent, the thread
   * unarchived, its auto-archive time changed), in ms on the world's clock: the thread archives
   * itself `autoArchiveDuration` minutes after it.
   */
  lastActivityAt: number;
}

export interface ChannelRecord {
  readonly id: string;
  readonly type: ChannelType;
  readonly guildId: string | null;
  name: string | null;
  readonly parentId: string | null;
  position: number;
  overwrites: APIOverwrite[];
  topic: string | null;
  lastMessageId: string | null;
  /** Present on threads only. */
  readonly thread: ThreadState | null;
  /** DM channels: the two people in it. */
  readonly recipients: readonly string[];
}

/** Who a message actually notified, after `allowed_mentions` was applied. */
export interface Pings {
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly everyone: boolean;
}

export interface MessageRecord {
  message: APIMessage;
  /** Ephemeral messages are seen by one user only. */
  readonly visibleTo: string | null;
  pings: Pings;
  /** The interaction whose response this is, if any. */
  readonly interactionId: string | null;
}

export type WorldEvent =
  | { readonly type: 'message'; readonly record: MessageRecord }
  | { readonly type: 'messageUpdate'; readonly record: MessageRecord }
  | { readonly type: 'messageDelete'; readonly channelId: string; readonly messageId: string }
  | { readonly type: 'thread'; readonly channel: ChannelRecord }
  | { readonly type: 'memberUpdate'; readonly guildId: string; readonly member: MemberRecord }
  | { readonly type: 'threadUpdate'; readonly channel: ChannelRecord };

/** How the world reaches connected bots; the gateway implements it. */
export interface Dispatcher {
  dispatch(event: GatewayDispatchEvents, data: unknown): void;
}

const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalEmojis;

/** 2025-01-01T00:00:00Z: the instant stable IDs are drawn from, safely before any real ID the emulator makes. */
const STABLE_IDS_AT = Date.UTC(2025, 0, 1);


export class World {
  readonly snowflakes: SnowflakeGenerator;
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord[]>();
  /** Uploaded attachments by id, so tests can read a CSV or Markdown file the bot sent. */
  readonly files = new Map<string, UploadedFile>();
  readonly events = new EventEmitter<{ change: [WorldEvent] }>();
  #dispatcher: Dispatcher | undefined;
  readonly #clock: () => number;
  /** How far the world has been moved ahead of its clock (`advance`), in ms. */
  #ahead = 0;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
    this.snowflakes = new SnowflakeGenerator(() => this.now());
    this.events.setMaxListeners(0);
  }

  /**
   * The world's time: message timestamps, snowflakes, thread inactivity, the DM-opening window.
   * Real time, plus however far a test or the sandbox moved it on (`advance`).
   */
  now(): number {
    return this.#clock() + this.#ahead;
  }

  /**
   * Moves the world's time forward, as days passing would: threads left inactive for their
   * auto-archive duration archive themselves (THREAD_UPDATE), as on Discord.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The world's time only moves forward (asked to move ${ms} ms).`);
    this.#ahead += ms;
    this.archiveInactiveThreads();
  }

  /**
   * Archives every open thread whose last activity is older than its auto-archive duration
   * (Topics → Threads: "Threads automatically archive after a period of inactivity"; activity is
   * "sending a message, unarchiving a thread, or changing the auto-archive time"). Discord does
   * this in the background; the emulator does it whenever time moves or someone acts, so nothing
   * ever observes a thread that should have archived and hasn't.
   */
  archiveInactiveThreads(): void {
    const now = this.now();
    for (const channel of this.channels.values()) {
      const thread = channel.thread;
      if (!thread || thread.archived) continue;
      const archivesAt = thread.lastActivityAt + thread.autoArchiveDuration * 60_000;
      if (archivesAt > now) continue;
      thread.archived = true;
      thread.archiveTimestamp = new Date(archivesAt).toISOString();
      this.dispatch(GatewayDispatchEvents.ThreadUpdate, this.apiChannel(channel));
      this.#emit({ type: 'threadUpdate', channel });
    }
  }

  connect(dispatcher: Dispatcher): void {
    this.#dispatcher = dispatcher;
  }

  dispatch(event: GatewayDispatchEvents, data: unknown): void {
    this.#dispatcher?.dispatch(event, data);
  }

  #emit(event: WorldEvent): void {
    this.events.emit('change', event);
  }

  /**
   * Builds part of the world with the same IDs every time (the sandbox's demo server), so data
   * the bot keeps about it in a database survives from one run to the next.
   */
  withStableIds<T>(build: () => T): T {
    return this.snowflakes.pinned(STABLE_IDS_AT, build);
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  // ---- users ----------------------------------------------------------------------------------

  createUser(input: { username: string; globalName?: string; bot?: boolean; dmsOpen?: boolean; id?: string; locale?: string }): UserRecord {
    const user: UserRecord = {
      id: input.id ?? this.snowflakes.next(),
      username: input.username,
      globalName: input.globalName ?? null,
      bot: input.bot ?? false,
      dmsOpen: input.dmsOpen ?? true,
      locale: discordLocale(input.locale ?? 'en-US'),
    };
    this.users.set(user.id, user);
    return user;
  }

  user(id: string): UserRecord {
    const user = this.users.get(id);
    if (!user) throw ApiErrors.unknownUser();
    return user;
  }

  apiUser(id: string): APIUser {
    const user = this.user(id);
    return {
      id: user.id,
      username: user.username,
      global_name: user.globalName,
      discriminator: '0',
      avatar: null,
      ...(user.bot ? { bot: true } : {}),
    };
  }

  // ---- guilds, roles, members -----------------------------------------------------------------

  createGuild(input: { name: string; ownerId: string; rulesScreening?: boolean; preferredLocale?: string }): GuildRecord {
    const id = this.snowflakes.next();
    const everyone = this.#role({ name: '@everyone', permissions: DEFAULT_EVERYONE_PERMISSIONS, position: 0 }, id);
    const guild: GuildRecord = {
      id,
      name: input.name,
      ownerId: input.ownerId,
      roles: new Map([[everyone.id, everyone]]),
      members: new Map(),
      rulesScreening: input.rulesScreening ?? false,
      joinedAt: this.isoNow(),
      preferredLocale: discordLocale(input.preferredLocale ?? 'en-US'),
    };
    this.guilds.set(id, guild);
    this.seatMember(guild.id, input.ownerId);
    return guild;
  }

  guild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw ApiErrors.unknownGuild();
    return guild;
  }

  #role(input: { name: string; permissions: bigint; position: number; managed?: boolean }, id = this.snowflakes.next()): APIRole {
    return {
      id,
      name: input.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: input.position,
      permissions: input.permissions.toString(),
      managed: input.managed ?? false,
      mentionable: false,
      flags: 0 as APIRole['flags'],
    };
  }

  createRole(guildId: string, input: { name: string; permissions?: bigint; position?: number; managed?: boolean }): APIRole {
    const guild = this.guild(guildId);
    // Like Discord, a new role lands just above @everyone unless placed; the others move up.
    const position = input.position ?? 1;
    const moved = [...guild.roles.values()].filter((existing) => existing.id !== guild.id && existing.position >= position);
    for (const existing of moved) {
      existing.position += 1;
      this.dispatch(GatewayDispatchEvents.GuildRoleUpdate, { guild_id: guildId, role: existing });
    }
    const role = this.#role({ name: input.name, permissions: input.permissions ?? 0n, position, managed: input.managed ?? false });
    guild.roles.set(role.id, role);
    this.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: guildId, role });
    return role;
  }

  role(guildId: string, roleId: string): APIRole {
    const role = this.guild(guildId).roles.get(roleId);
    if (!role) throw ApiErrors.unknownRole();
    return role;
  }

  member(guildId: string, userId: string): MemberRecord {
    const member = this.guild(guildId).members.get(userId);
    if (!member) throw ApiErrors.unknownMember();
    return member;
  }

  apiMember(member: MemberRecord): APIGuildMember {
    return {
      user: this.apiUser(member.userId),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roles],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as APIGuildMember['flags'],
      pending: member.pending,
      communication_disabled_until: null,
    };
  }

  /** Someone who is already a member when the scene opens: no join event, nothing pending. */
  seatMember(guildId: string, userId: string, roles: string[] = []): MemberRecord {
    const member: MemberRecord = { userId, roles, joinedAt: this.isoNow(), pending: false, nick: null };
    this.guild(guildId).members.set(userId, member);
    return member;
  }

  /** A person joins a server (GUILD_MEMBER_ADD). With rules screening on, they start `pending`. */
  addMember(guildId: string, userId: string, options: { roles?: string[] } = {}): MemberRecord {
    const guild = this.guild(guildId);
    this.user(userId);
    const member: MemberRecord = { userId, roles: options.roles ?? [], joinedAt: this.isoNow(), pending: guild.rulesScreening, nick: null };
    guild.members.set(userId, member);
    this.dispatch(GatewayDispatchEvents.GuildMemberAdd, { ...this.apiMember(member), guild_id: guildId });
    return member;
  }

  updateMember(guildId: string, userId: string, change: Partial<Pick<MemberRecord, 'roles' | 'pending' | 'nick'>>): MemberRecord {
    const member = this.member(guildId, userId);
    Object.assign(member, change);
    this.dispatch(GatewayDispatchEvents.GuildMemberUpdate, { ...this.apiMember(member), guild_id: guildId });
    this.#emit({ type: 'memberUpdate', guildId, member });
    return member;
  }

  removeMember(guildId: string, userId: string): void {
    const guild = this.guild(guildId);
    if (!guild.members.delete(userId)) throw ApiErrors.unknownMember();
    this.dispatch(GatewayDispatchEvents.GuildMemberRemove, { guild_id: guildId, user: this.apiUser(userId) });
  }

  // ---- channels and threads -------------------------------------------------------------------

  createChannel(input: {
    guildId: string;
    name: string;
    type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildCategory;
    parentId?: string;
    overwrites?: APIOverwrite[];
    topic?: string;
  }): ChannelRecord {
    const guild = this.guild(input.guildId);
    const channel: ChannelRecord = {
      id: this.snowflakes.next(),
      type: input.type ?? ChannelType.GuildText,
      guildId: guild.id,
      name: input.name,
      parentId: input.parentId ?? null,
      position: [...this.channels.values()].filter((c) => c.guildId === guild.id).length,
      overwrites: input.overwrites ?? [],
      topic: input.topic ?? null,
      lastMessageId: null,
      thread: null,
      recipients: [],
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    this.dispatch(GatewayDispatchEvents.ChannelCreate, this.apiChannel(channel));
    return channel;
  }

  channel(id: string): ChannelRecord {
    const channel = this.channels.get(id);
    if (!channel) throw ApiErrors.unknownChannel();
    return channel;
  }

  deleteChannel(id: string): void {
    const channel = this.channel(id);
    this.channels.delete(id);
    this.messages.delete(id);
    this.dispatch(GatewayDispatchEvents.ChannelDelete, this.apiChannel(channel));
  }

  updateChannel(id: string, change: { overwrites?: APIOverwrite[]; name?: string }): ChannelRecord {
    const channel = this.channel(id);
    if (change.overwrites) channel.overwrites = change.overwrites;
    if (change.name !== undefined) channel.name = change.name;
    this.dispatch(channel.thread ? GatewayDispatchEvents.ThreadUpdate : GatewayDispatchEvents.ChannelUpdate, this.apiChannel(channel));
    return channel;
  }

  existingDmChannel(botId: string, userId: string): ChannelRecord | undefined {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipients.includes(userId) && channel.recipients.includes(botId)) return channel;
    }
    return undefined;
  }

  /** The DM channel between the bot and a person; the same one every time, as on Discord. */
  dmChannel(botId: string, userId: string): ChannelRecord {
    const existing = this.existingDmChannel(botId, userId);
    if (existing) return existing;
    const channel: ChannelRecord = {
      id: this.snowflakes.next(),
      type: ChannelType.DM,
      guildId: null,
      name: null,
      parentId: null,
      position: 0,
      overwrites: [],
      topic: null,
      lastMessageId: null,
      thread: null,
      recipients: [botId, userId],
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  createThread(input: {
    parentId: string;
    name: string;
    ownerId: string;
    type: ChannelType.PublicThread | ChannelType.PrivateThread | ChannelType.AnnouncementThread;
    autoArchiveDuration?: ThreadState['autoArchiveDuration'];
    invitable?: boolean;
    /** A thread started from a message shares the message's id, as on Discord. */
    starterMessageId?: string;
  }): ChannelRecord {
    const parent = this.channel(input.parentId);
    const now = this.isoNow();
    const thread: ChannelRecord = {
      id: input.starterMessageId ?? this.snowflakes.next(),
      type: input.type,
      guildId: parent.guildId,
      name: input.name,
      parentId: parent.id,
      position: 0,
      overwrites: [],
      topic: null,
      lastMessageId: null,
      thread: {
        ownerId: input.ownerId,
        archived: false,
        locked: false,
        autoArchiveDuration: input.autoArchiveDuration ?? 1440,
        archiveTimestamp: now,
        createdAt: now,
        invitable: input.invitable ?? true,
        members: new Set([input.ownerId]),
        messageCount: 0,
        lastActivityAt: this.now(),
      },
      recipients: [],
    };
    this.channels.set(thread.id, thread);
    this.messages.set(thread.id, []);
    this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...this.apiChannel(thread), newly_created: true });
    this.#emit({ type: 'thread', channel: thread });
    return thread;
  }

  updateThread(id: string, change: Partial<Pick<ThreadState, 'archived' | 'locked' | 'autoArchiveDuration' | 'invitable'>> & { name?: string }): ChannelRecord {
    const channel = this.channel(id);
    if (!channel.thread) throw ApiErrors.unknownChannel();
    const { name, ...state } = change;
    if (name !== undefined) channel.name = name;
    const archiving = state.archived !== undefined && state.archived !== channel.thread.archived;
    const rescheduling = state.autoArchiveDuration !== undefined && state.autoArchiveDuration !== channel.thread.autoArchiveDuration;
    // "archive_timestamp is changed when creating, archiving, or unarchiving a thread, and when
    // changing the auto_archive_duration field"; unarchiving and rescheduling count as activity.
    if (archiving || rescheduling) channel.thread.archiveTimestamp = this.isoNow();
    if (state.archived === false || rescheduling) channel.thread.lastActivityAt = this.now();
    Object.assign(channel.thread, state);
    this.dispatch(GatewayDispatchEvents.ThreadUpdate, this.apiChannel(channel));
    this.#emit({ type: 'threadUpdate', channel });
    return channel;
  }

  /**
   * A new message in an archived thread wakes it, "unless the thread has been locked by a
   * moderator" (Topics → Threads): then only someone with Manage Threads may, and others are
   * refused with 50083, as interaction replies in a locked archived thread are
   * (discord-api-docs#5517). Call it once the message has been accepted.
   */
  wakeForMessage(channelId: string, authorId: string): void {
    const thread = this.channel(channelId).thread;
    if (!thread?.archived) return;
    if (thread.locked && (this.permissionsIn(channelId, authorId) & PermissionFlagsBits.ManageThreads) === 0n) throw ApiErrors.threadArchived();
    this.updateThread(channelId, { archived: false });
  }

  /** "Users cannot edit messages … in archived threads" (Topics → Threads): 50083 Thread is archived. */
  assertNotArchived(channelId: string): void {
    if (this.channel(channelId).thread?.archived) throw ApiErrors.threadArchived();
  }

  addThreadMember(threadId: string, userId: string): void {
    const channel = this.channel(threadId);
    if (!channel.thread) throw ApiErrors.unknownChannel();
    channel.thread.members.add(userId);
  }

  apiChannel(channel: ChannelRecord): APIChannel {
    if (channel.type === ChannelType.DM) {
      return { id: channel.id, type: ChannelType.DM, name: null, last_message_id: channel.lastMessageId, recipients: channel.recipients.map((id) => this.apiUser(id)) } as APIChannel;
    }
    if (channel.thread) {
      const thread: APIThreadChannel = {
        id: channel.id,
        type: channel.type as ChannelType.PublicThread,
        guild_id: channel.guildId ?? undefined,
        name: channel.name ?? '',
        parent_id: channel.parentId ?? undefined,
        owner_id: channel.thread.ownerId,
        last_message_id: channel.lastMessageId,
        rate_limit_per_user: 0,
        message_count: channel.thread.messageCount,
        member_count: Math.min(50, channel.thread.members.size),
        total_message_sent: channel.thread.messageCount,
        applied_tags: [],
        thread_metadata: {
          archived: channel.thread.archived,
          auto_archive_duration: channel.thread.autoArchiveDuration,
          archive_timestamp: channel.thread.archiveTimestamp,
          locked: channel.thread.locked,
          create_timestamp: channel.thread.createdAt,
          ...(channel.type === ChannelType.PrivateThread ? { invitable: channel.thread.invitable } : {}),
        },
      };
      return thread;
    }
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId ?? undefined,
      name: channel.name ?? '',
      position: channel.position,
      permission_overwrites: channel.overwrites,
      parent_id: channel.parentId,
      topic: channel.topic,
      nsfw: false,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: 0,
    } as APIChannel;
  }

  // ---- permissions -----------------------------------------------------------------------------

  #permissionGuild(guild: GuildRecord): PermissionGuild {
    return { id: guild.id, owner_id: guild.ownerId, roles: [...guild.roles.values()] };
  }

  #permissionMember(member: MemberRecord): PermissionMember {
    return { user: { id: member.userId }, roles: member.roles };
  }

  /** The member's permissions in a channel (a thread uses its parent's overwrites). */
  permissionsIn(channelId: string, userId: string): bigint {
    const channel = this.channel(channelId);
    if (channel.guildId === null) return channel.recipients.includes(userId) ? DEFAULT_EVERYONE_PERMISSIONS : 0n;
    const guild = this.guild(channel.guildId);
    const member = guild.members.get(userId);
    if (!member) return 0n;
    const asPermissionChannel = (c: ChannelRecord): PermissionChannel => ({ type: c.type, permission_overwrites: c.overwrites });
    const parent = channel.parentId === null || !channel.thread ? undefined : this.channels.get(channel.parentId);
    return computeChannelPermissions(this.#permissionGuild(guild), this.#permissionMember(member), asPermissionChannel(channel), {
      ...(parent ? { parent: asPermissionChannel(parent) } : {}),
    });
  }

  /** Whether a user can see a channel at all: a guild channel they can view, a DM they are in, a private thread they belong to. */
  canView(channelId: string, userId: string): boolean {
    const channel = this.channel(channelId);
    if (channel.type === ChannelType.DM) return channel.recipients.includes(userId);
    const bits = this.permissionsIn(channelId, userId);
    if ((bits & PermissionFlagsBits.ViewChannel) === 0n) return false;
    if (channel.type === ChannelType.PrivateThread) {
      return channel.thread?.members.has(userId) === true || (bits & PermissionFlagsBits.ManageThreads) !== 0n;
    }
    return true;
  }

  // ---- messages --------------------------------------------------------------------------------

  messagesIn(channelId: string): MessageRecord[] {
    const list = this.messages.get(channelId);
    if (!list) throw ApiErrors.unknownChannel();
    return list;
  }

  findMessage(channelId: string, messageId: string): MessageRecord {
    const record = this.messagesIn(channelId).find((r) => r.message.id === messageId);
    if (!record) throw ApiErrors.unknownMessage();
    return record;
  }

  /** Stores a message and tells the gateway (unless it is ephemeral: only its recipient sees it). */
  addMessage(channelId: string, message: APIMessage, options: { visibleTo?: string | null; pings: Pings; interactionId?: string | null }): MessageRecord {
    const channel = this.channel(channelId);
    const record: MessageRecord = { message, visibleTo: options.visibleTo ?? null, pings: options.pings, interactionId: options.interactionId ?? null };
    this.messagesIn(channelId).push(record);
    if (record.visibleTo === null) {
      channel.lastMessageId = message.id;
      if (channel.thread) {
        channel.thread.messageCount += 1;
        channel.thread.lastActivityAt = this.now();
      }
      this.dispatch(GatewayDispatchEvents.MessageCreate, { ...message, ...(channel.guildId ? { guild_id: channel.guildId } : {}) });
    }
    this.#emit({ type: 'message', record });
    return record;
  }

  replaceMessage(channelId: string, record: MessageRecord, message: APIMessage, pings: Pings): void {
    record.message = message;
    record.pings = pings;
    const channel = this.channel(channelId);
    if (record.visibleTo === null) {
      this.dispatch(GatewayDispatchEvents.MessageUpdate, { ...message, ...(channel.guildId ? { guild_id: channel.guildId } : {}) });
    }
    this.#emit({ type: 'messageUpdate', record });
  }

  deleteMessage(channelId: string, messageId: string): void {
    const list = this.messagesIn(channelId);
    const index = list.findIndex((r) => r.message.id === messageId);
    if (index < 0) throw ApiErrors.unknownMessage();
    const [removed] = list.splice(index, 1);
    const channel = this.channel(channelId);
    if (removed?.visibleTo === null) {
      this.dispatch(GatewayDispatchEvents.MessageDelete, { id: messageId, channel_id: channelId, ...(channel.guildId ? { guild_id: channel.guildId } : {}) });
    }
    this.#emit({ type: 'messageDelete', channelId, messageId });
  }

  // ---- the gateway's view ------------------------------------------------------------------------

  /**
   * A server as REST's Get Guild gives it: no members, channels or threads (those come in
   * GUILD_CREATE, or by their own routes), and with `with_counts` the approximate counts.
   */
  apiGuild(guild: GuildRecord, withCounts: boolean): APIGuild {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [...guild.roles.values()],
      emojis: [],
      features: guild.rulesScreening ? ['MEMBER_VERIFICATION_GATE_ENABLED'] : [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: guild.preferredLocale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      stickers: [],
      hub_type: null,
      incidents_data: null,
      ...(withCounts ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 } : {}),
    } as unknown as APIGuild;
  }

  /** GUILD_CREATE payloads for every server a user is in; the gateway trims them per session. */
  guildCreatePayloads(userId: string): GatewayGuildCreateDispatchData[] {
    return [...this.guilds.values()]
      .filter((guild) => guild.members.has(userId))
      .map((guild) => {
        const channels = [...this.channels.values()].filter((c) => c.guildId === guild.id);
        return {
          ...this.apiGuild(guild, false),
          joined_at: guild.joinedAt,
          large: guild.members.size > 250,
          unavailable: false,
          member_count: guild.members.size,
          voice_states: [],
          members: [...guild.members.values()].map((m) => this.apiMember(m)),
          channels: channels.filter((c) => !c.thread).map((c) => this.apiChannel(c)),
          threads: channels.filter((c) => c.thread && !c.thread.archived && this.canView(c.id, userId)).map((c) => this.apiChannel(c)),
          presences: [],
          stage_instances: [],
          guild_scheduled_events: [],
          soundboard_sounds: [],
        } as unknown as GatewayGuildCreateDispatchData;
      });
  }
}
