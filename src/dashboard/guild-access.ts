import { ChannelType, PermissionFlagsBits, type Client, type Guild, type GuildMember } from 'discord.js';
import type { Logger } from '../logger.js';
import { fail } from '../outcome.js';
import { MEMBER_FETCH_CHUNK } from '../presentation/member-names.js';
import { checkCanPost } from '../rituals/discord/channel-check.js';
import type { Schedule } from '../rituals/model.js';
import type { OnboardingSettings } from '../onboarding/settings.js';
import { checkSetup, type SetupCheck } from '../onboarding/discord/setup-checks.js';
import type { RitualOutcome } from '../rituals/problems.js';
import { memberNameCache, type NameSource } from './member-name-cache.js';

/**
 * What the dashboard asks of the bot's own view of Discord (its gateway cache): who may manage a
 * server and what is in it. The only dashboard file that imports discord.js, so pages and routes
 * stay plain functions of data.
 */

export interface ServerSummary {
  readonly id: string;
  readonly name: string;
}

export interface ChannelChoice {
  readonly id: string;
  readonly name: string;
}

/** Why someone may or may not see a server's pages. */
export type AccessVerdict =
  | { readonly kind: 'moderator'; readonly server: ServerSummary }
  | { readonly kind: 'bot-not-in-server' }
  | { readonly kind: 'not-a-member'; readonly server: ServerSummary }
  | { readonly kind: 'needs-manage-server'; readonly server: ServerSummary };

export interface GuildAccess {
  /** Asked on every request to a server's pages, so a role taken away counts at once. */
  verdict(guildId: string, userId: string): Promise<AccessVerdict>;
  /** The channels a ritual can post in, by name. */
  postableChannels(guildId: string): readonly ChannelChoice[];
  roles(guildId: string): readonly ChannelChoice[];
  channelName(guildId: string, channelId: string): string;
  memberCount(guildId: string): number;
  /** Whether the bot can post this ritual in its channel now: the check /ritual resume makes. */
  canPostRitual(schedule: Schedule): Promise<RitualOutcome<Schedule>>;
  /** What `/onboarding setup` checks: the role and channels exist and the bot can use them. */
  onboardingChecks(settings: OnboardingSettings): readonly SetupCheck[];
  /** The names members go by in the server (kept a few minutes, see member-name-cache.ts); someone who left is missing. */
  memberNames(guildId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const summary = (guild: Guild): ServerSummary => ({ id: guild.id, name: guild.name });

export function discordGuildAccess(client: Client<true>, logger: Logger): GuildAccess {
  const asked = async (guildId: string, fetch: (guild: Guild) => Promise<ReadonlyMap<string, GuildMember>>): Promise<ReadonlyMap<string, string> | undefined> => {
    const guild = client.guilds.cache.get(guildId);
    if (guild === undefined) return new Map();
    try {
      return new Map([...(await fetch(guild))].map(([id, member]) => [id, member.displayName]));
    } catch (error) {
      logger.warn({ err: error, guild: guildId }, 'could not fetch member names for the dashboard; they are left out');
      return undefined;
    }
  };
  const source: NameSource = {
    batch: MEMBER_FETCH_CHUNK,
    someOf: (guildId, userIds) => asked(guildId, (guild) => guild.members.fetch({ user: [...userIds] })),
    everyoneIn: (guildId) => asked(guildId, (guild) => guild.members.fetch()),
  };
  const names = memberNameCache(source);
  return {
    async verdict(guildId, userId) {
      const guild = client.guilds.cache.get(guildId);
      if (guild === undefined) return { kind: 'bot-not-in-server' };
      // The member as the bot sees them: from the cache the gateway keeps current, else one fetch.
      const member = guild.members.cache.get(userId) ?? (await guild.members.fetch(userId).catch(() => undefined));
      if (member === undefined) return { kind: 'not-a-member', server: summary(guild) };
      return member.permissions.has(PermissionFlagsBits.ManageGuild) ? { kind: 'moderator', server: summary(guild) } : { kind: 'needs-manage-server', server: summary(guild) };
    },
    postableChannels(guildId) {
      const guild = client.guilds.cache.get(guildId);
      if (guild === undefined) return [];
      return [...guild.channels.cache.values()]
        .filter((channel) => channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)
        .map((channel) => ({ id: channel.id, name: channel.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    roles(guildId) {
      const guild = client.guilds.cache.get(guildId);
      if (guild === undefined) return [];
      return [...guild.roles.cache.values()].filter((role) => role.id !== guild.id && !role.managed).map((role) => ({ id: role.id, name: role.name }));
    },
    channelName(guildId, channelId) {
      return client.guilds.cache.get(guildId)?.channels.cache.get(channelId)?.name ?? 'a channel that no longer exists';
    },
    memberCount(guildId) {
      return client.guilds.cache.get(guildId)?.memberCount ?? 0;
    },
    async canPostRitual(schedule) {
      const guild = client.guilds.cache.get(schedule.guildId);
      return guild === undefined ? fail({ kind: 'channel-gone', schedule }) : checkCanPost(guild, schedule);
    },
    onboardingChecks(settings) {
      const guild = client.guilds.cache.get(settings.guildId);
      return guild === undefined ? [] : checkSetup(guild, settings);
    },
    memberNames(guildId, userIds) {
      return names.namesIn(guildId, userIds);
    },
  };
}
