import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChannelRecord, GuildRecord, Harness, UserRecord, World } from '@roots-bot/discord-emulator';

/**
 * The pretend server the sandbox opens on: a small educators' community with a moderator, two
 * members and the channels the bot's rituals use. Features that need more (a course, a ritual
 * already scheduled) add to what this returns.
 */

export const DEMO_CHANNELS = [
  ['welcome', 'Start here: our tenets and how we work together'],
  ['introductions', 'Say hello and tell us what you teach'],
  ['general', 'Anything and everything'],
  ['poems', 'A poem each week to begin with'],
  ['podcast-club', 'This week’s episode and what it stirred in us'],
  ['courses', 'Courses we are taking together'],
  ['mod-log', 'What the bot did, for moderators'],
] as const;

export type DemoChannelName = (typeof DEMO_CHANNELS)[number][0];

export interface DemoGuild {
  readonly guild: GuildRecord;
  readonly moderator: UserRecord;
  readonly members: { readonly alice: UserRecord; readonly ben: UserRecord };
  readonly roles: { readonly moderators: string; readonly member: string; readonly bot: string };
  readonly channels: Readonly<Record<DemoChannelName, ChannelRecord>>;
}

export function buildDemoGuild(harness: Harness): DemoGuild {
  const guild = harness.guild('Roots Community', { owner: 'morgan' });
  const moderators = harness.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageThreads);
  const member = harness.role(guild, 'Member');
  const bot = [...guild.roles.values()].find((role) => role.managed)?.id ?? '';

  // #mod-log is for moderators (and the bot, which writes it); everyone else doesn't see it.
  const moderatorsOnly = [
    { id: guild.id, type: OverwriteType.Role, allow: '0', deny: PermissionFlagsBits.ViewChannel.toString() },
    { id: moderators, type: OverwriteType.Role, allow: PermissionFlagsBits.ViewChannel.toString(), deny: '0' },
    { id: bot, type: OverwriteType.Role, allow: PermissionFlagsBits.ViewChannel.toString(), deny: '0' },
  ];
  const channels = Object.fromEntries(
    DEMO_CHANNELS.map(([name, topic]) => [name, harness.channel(guild, name, { topic, ...(name === 'mod-log' ? { overwrites: moderatorsOnly } : {}) })]),
  ) as Record<DemoChannelName, ChannelRecord>;

  const moderator = harness.member(guild, 'morgan', { roles: [moderators, member] });
  const alice = harness.member(guild, 'alice', { roles: [member] });
  const ben = harness.member(guild, 'ben', { roles: [member] });
  return { guild, moderator, members: { alice, ben }, roles: { moderators, member, bot }, channels };
}

/**
 * The demo server in a world reopened from a saved snapshot, found by the names buildDemoGuild
 * gave it; null when something it needs is gone, so the sandbox starts afresh instead.
 */
export function findDemoGuild(world: World): DemoGuild | null {
  const guild = [...world.guilds.values()].find((g) => g.name === 'Roots Community');
  if (!guild) return null;
  const person = (username: string) => [...world.users.values()].find((u) => u.username === username && guild.members.has(u.id));
  const roleNamed = (name: string) => [...guild.roles.values()].find((r) => r.name === name && !r.managed)?.id;
  const channelNamed = (name: string) => [...world.channels.values()].find((c) => c.guildId === guild.id && c.thread === null && c.name === name);
  const moderator = person('morgan');
  const alice = person('alice');
  const ben = person('ben');
  const moderators = roleNamed('Moderators');
  const member = roleNamed('Member');
  const bot = [...guild.roles.values()].find((r) => r.managed)?.id;
  const channels = DEMO_CHANNELS.map(([name]) => [name, channelNamed(name)] as const);
  if (!moderator || !alice || !ben || !moderators || !member || !bot || channels.some(([, c]) => c === undefined)) return null;
  const found = Object.fromEntries(channels) as Record<DemoChannelName, ChannelRecord>;
  return { guild, moderator, members: { alice, ben }, roles: { moderators, member, bot }, channels: found };
}
