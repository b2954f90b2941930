import { ChannelType, type APIMessage, type APIOverwrite, type APIRole } from 'discord-api-types/v10';
import { z } from 'zod';
import type { ChannelRecord, GuildRecord, MessageRecord, ThreadState, UserRecord, World } from './world.js';

/**
 * The emulator's world as plain JSON, and back: users, servers with their roles and members,
 * channels and threads (archived or not), every message with its components, embeds and
 * attachments, and the bytes of uploaded files. The sandbox keeps it beside its database so the
 * pretend Discord remembers what the bot's data refers to. Application commands are left out:
 * the bot publishes them again each time it starts. So is the snowflake counter: new IDs are drawn
 * from the real time, which is later than any ID in a snapshot, so they never collide.
 */

export const WORLD_SNAPSHOT_VERSION = 1;

/** Discord-shaped objects are checked for what the emulator relies on, and kept whole otherwise. */
const roleShape = z.looseObject({ id: z.string(), name: z.string(), position: z.number(), permissions: z.string(), managed: z.boolean() });
const overwriteShape = z.looseObject({ id: z.string(), type: z.number(), allow: z.string(), deny: z.string() });
const messageShape = z.looseObject({
  id: z.string(),
  channel_id: z.string(),
  author: z.looseObject({ id: z.string(), username: z.string() }),
  content: z.string(),
  timestamp: z.string(),
  attachments: z.array(z.looseObject({ id: z.string(), filename: z.string(), size: z.number() })),
  embeds: z.array(z.looseObject({})),
});
const role = z.custom<APIRole>((value) => roleShape.safeParse(value).success, 'not a role');
const overwrite = z.custom<APIOverwrite>((value) => overwriteShape.safeParse(value).success, 'not a permission overwrite');
const message = z.custom<APIMessage>((value) => messageShape.safeParse(value).success, 'not a message');

const id = z.string().regex(/^\d{1,20}$/);

const userSchema = z.object({ id, username: z.string(), globalName: z.string().nullable(), bot: z.boolean(), dmsOpen: z.boolean(), locale: z.string().default('en-US') });
const memberSchema = z.object({ userId: id, roles: z.array(id), joinedAt: z.string(), pending: z.boolean(), nick: z.string().nullable() });
const guildSchema = z.object({
  id,
  name: z.string(),
  ownerId: id,
  roles: z.array(role),
  members: z.array(memberSchema),
  rulesScreening: z.boolean(),
  joinedAt: z.string(),
  // Worlds saved before languages came in were all in English.
  preferredLocale: z.string().default('en-US'),
});
const threadSchema = z.object({
  ownerId: id,
  archived: z.boolean(),
  locked: z.boolean(),
  autoArchiveDuration: z.union([z.literal(60), z.literal(1440), z.literal(4320), z.literal(10080)]),
  archiveTimestamp: z.string(),
  createdAt: z.string(),
  invitable: z.boolean(),
  members: z.array(id),
  messageCount: z.number().int().nonnegative(),
  /** Absent from files saved before threads archived by themselves: their last change stands in. */
  lastActivityAt: z.number().optional(),
});
const pingsSchema = z.object({ users: z.array(id), roles: z.array(id), everyone: z.boolean() });
const channelSchema = z.object({
  id,
  type: z.enum(ChannelType),
  guildId: id.nullable(),
  name: z.string().nullable(),
  parentId: id.nullable(),
  position: z.number(),
  overwrites: z.array(overwrite),
  topic: z.string().nullable(),
  lastMessageId: id.nullable(),
  thread: threadSchema.nullable(),
  recipients: z.array(id),
  messages: z.array(z.object({ message, visibleTo: id.nullable(), pings: pingsSchema, interactionId: id.nullable() })),
});
const fileSchema = z.object({ id, filename: z.string(), contentType: z.string(), base64: z.string() });

export const worldSnapshotSchema = z.object({
  version: z.literal(WORLD_SNAPSHOT_VERSION),
  botUserId: id,
  users: z.array(userSchema),
  guilds: z.array(guildSchema),
  channels: z.array(channelSchema),
  files: z.array(fileSchema),
});

export type WorldSnapshot = z.infer<typeof worldSnapshotSchema>;

export function snapshotWorld(world: World, botUserId: string): WorldSnapshot {
  return {
    version: WORLD_SNAPSHOT_VERSION,
    botUserId,
    users: [...world.users.values()].map((user) => ({ ...user })),
    guilds: [...world.guilds.values()].map((guild) => ({
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      roles: [...guild.roles.values()],
      members: [...guild.members.values()].map((member) => ({ ...member, roles: [...member.roles] })),
      rulesScreening: guild.rulesScreening,
      joinedAt: guild.joinedAt,
      preferredLocale: guild.preferredLocale,
    })),
    channels: [...world.channels.values()].map((channel) => ({
      id: channel.id,
      type: channel.type,
      guildId: channel.guildId,
      name: channel.name,
      parentId: channel.parentId,
      position: channel.position,
      overwrites: channel.overwrites,
      topic: channel.topic,
      lastMessageId: channel.lastMessageId,
      thread: channel.thread ? { ...channel.thread, members: [...channel.thread.members] } : null,
      recipients: [...channel.recipients],
      messages: (world.messages.get(channel.id) ?? []).map((record) => ({ ...record, pings: { ...record.pings, users: [...record.pings.users], roles: [...record.pings.roles] } })),
    })),
    files: [...world.files.entries()].map(([fileId, file]) => ({ id: fileId, filename: file.filename, contentType: file.contentType, base64: file.data.toString('base64') })),
  };
}

/**
 * Fills a new emulator's world with a snapshot, before the bot connects: nothing is dispatched,
 * the bot learns it all from GUILD_CREATE as it would on Discord. The emulator must have been
 * started with the snapshot's `botUserId`, so the bot is the one who wrote its messages.
 */
export function restoreWorld(world: World, snapshot: WorldSnapshot): void {
  for (const user of snapshot.users) world.users.set(user.id, { ...user } satisfies UserRecord);
  for (const guild of snapshot.guilds) {
    const record: GuildRecord = {
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      roles: new Map(guild.roles.map((r) => [r.id, r])),
      members: new Map(guild.members.map((m) => [m.userId, { ...m }])),
      rulesScreening: guild.rulesScreening,
      joinedAt: guild.joinedAt,
      preferredLocale: guild.preferredLocale,
    };
    world.guilds.set(guild.id, record);
  }
  for (const { messages, thread, ...channel } of snapshot.channels) {
    const state: ThreadState | null = thread
      ? { ...thread, members: new Set(thread.members), lastActivityAt: thread.lastActivityAt ?? Date.parse(thread.archiveTimestamp) }
      : null;
    const record: ChannelRecord = { ...channel, thread: state };
    world.channels.set(channel.id, record);
    world.messages.set(channel.id, messages.map((m): MessageRecord => ({ ...m })));
  }
  for (const file of snapshot.files) world.files.set(file.id, { filename: file.filename, contentType: file.contentType, data: Buffer.from(file.base64, 'base64') });
}

/** Whether a snapshot's references hold together: a file that doesn't is treated as corrupt. */
export function snapshotProblem(snapshot: WorldSnapshot): string | null {
  const users = new Set(snapshot.users.map((u) => u.id));
  if (!users.has(snapshot.botUserId)) return 'the bot user is missing';
  for (const guild of snapshot.guilds) {
    if (!users.has(guild.ownerId)) return `the owner of ${guild.name} is missing`;
    if (guild.members.some((m) => !users.has(m.userId))) return `a member of ${guild.name} is missing`;
  }
  const channels = new Set(snapshot.channels.map((c) => c.id));
  for (const channel of snapshot.channels) {
    if (channel.parentId !== null && !channels.has(channel.parentId)) return `the parent of channel ${channel.name ?? channel.id} is missing`;
    if (channel.guildId !== null && !snapshot.guilds.some((g) => g.id === channel.guildId)) return `the server of channel ${channel.name ?? channel.id} is missing`;
  }
  return null;
}
