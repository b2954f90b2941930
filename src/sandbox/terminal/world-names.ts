import { ChannelType } from 'discord-api-types/v10';
import type { ChannelRecord, GuildRecord, UserRecord, World } from '@roots-bot/discord-emulator';
import type { Names } from './markdown.js';

/**
 * Between the emulator's ids and the names people read and type: `#poems`, `DM with alice`,
 * `thread "Week 3" in #poems`, `alice`.
 */

export function displayName(user: UserRecord): string {
  return user.globalName ?? user.username;
}

export function namesIn(world: World): Names {
  return {
    user: (id) => {
      const user = world.users.get(id);
      return user ? displayName(user) : undefined;
    },
    channel: (id) => world.channels.get(id)?.name ?? undefined,
    role: (id) => [...world.guilds.values()].map((guild) => guild.roles.get(id)?.name).find((name) => name !== undefined),
  };
}

/** Where a message is, for its header: whose DM it is matters, since you may be acting as anyone. */
export function describePlace(world: World, botId: string, channelId: string): string {
  const channel = world.channels.get(channelId);
  if (!channel) return 'a channel that is gone';
  if (channel.type === ChannelType.DM) {
    const other = channel.recipients.find((id) => id !== botId);
    const user = other === undefined ? undefined : world.users.get(other);
    return `DM with ${user ? displayName(user) : 'someone'}`;
  }
  if (channel.thread) {
    const parent = channel.parentId === null ? undefined : world.channels.get(channel.parentId);
    return `thread "${channel.name ?? ''}" in #${parent?.name ?? '?'}`;
  }
  return `#${channel.name ?? '?'}`;
}

/** The short form for the prompt, where the DM is always your own. */
export function promptPlace(world: World, botId: string, channelId: string): string {
  const channel = world.channels.get(channelId);
  return channel?.type === ChannelType.DM ? 'your DM with the bot' : describePlace(world, botId, channelId);
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function textChannels(world: World, guild: GuildRecord): ChannelRecord[] {
  return [...world.channels.values()].filter((c) => c.guildId === guild.id && c.thread === null && c.type !== ChannelType.GuildCategory);
}

export function findChannel(world: World, guild: GuildRecord, name: string): ChannelRecord | undefined {
  const wanted = name.replace(/^#/, '');
  return textChannels(world, guild).find((c) => same(c.name ?? '', wanted));
}

/** A thread by its name, or the start of it: thread names are long and people type the gist. */
export function findThread(world: World, guild: GuildRecord, name: string, viewer: UserRecord): ChannelRecord | undefined {
  const visible = [...world.channels.values()].filter((c) => c.guildId === guild.id && c.thread !== null && world.canView(c.id, viewer.id));
  const lower = name.toLowerCase();
  return (
    visible.find((c) => same(c.name ?? '', name)) ??
    visible.find((c) => (c.name ?? '').toLowerCase().startsWith(lower)) ??
    visible.find((c) => (c.name ?? '').toLowerCase().includes(lower))
  );
}

/** A person (never a bot) by username or display name, with or without the `@`. */
export function findPerson(world: World, name: string): UserRecord | undefined {
  const wanted = name.replace(/^@/, '');
  return [...world.users.values()].find((u) => !u.bot && (same(u.username, wanted) || (u.globalName !== null && same(u.globalName, wanted))));
}

export function peopleIn(world: World, guild: GuildRecord): UserRecord[] {
  return [...guild.members.keys()].map((id) => world.users.get(id)).filter((u): u is UserRecord => u !== undefined && !u.bot);
}
