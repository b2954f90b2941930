import { Options, PermissionFlagsBits, type ClientOptions, type GuildMember } from 'discord.js';

/**
 * What the bot keeps of Discord in memory. discord.js caches everything it sees by default, and a
 * member or user seen once (a join, a nickname change, an interaction) stays for the life of the
 * process: with thousands of servers that is most of the bot's memory. The bot reads only servers,
 * their channels and roles, its own member (for permissions) and the members who hold Manage Server
 * (the dashboard asks on every page whether its visitor still does); whatever else it needs it
 * fetches (`guild.members.fetch`, `channels.fetch`). Interactions still carry full members and
 * users: those objects are built for the handler and dropped with it.
 *
 * Servers, channels and roles are not listed: discord.js does not support limiting them.
 */
export const BOT_CACHE = {
  makeCache: Options.cacheWithLimits({
    // The bot never reads messages back from the cache: it edits and fetches by id.
    MessageManager: 0,
    DMMessageManager: 0,
    GuildMessageManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id || holdsManageServer(member) },
    UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    ThreadMemberManager: 0,
    // Not asked for (no intent) or never used.
    PresenceManager: 0,
    VoiceStateManager: 0,
    GuildEmojiManager: 0,
    BaseGuildEmojiManager: 0,
    ApplicationEmojiManager: 0,
    GuildStickerManager: 0,
    StageInstanceManager: 0,
    GuildScheduledEventManager: 0,
    GuildInviteManager: 0,
    GuildBanManager: 0,
    AutoModerationRuleManager: 0,
    ApplicationCommandManager: 0,
    EntitlementManager: 0,
  }),
  // Threads the bot opens (ritual posts, welcome walks) are channels it keeps seeing until they
  // archive; discord.js' default sweeper drops archived ones after four hours.
  sweepers: { ...Options.DefaultSweeperSettings },
} as const satisfies Pick<ClientOptions, 'makeCache' | 'sweepers'>;

/**
 * Moderators are a few per server, and the gateway (GuildMembers intent) keeps a cached member
 * current: a role taken away updates it, leaving removes it. Without them in the cache every
 * dashboard page cost a REST call, and past discord.js's 50 requests a second the next page waited
 * for the second to end (bench/dashboard.bench.ts).
 */
function holdsManageServer(member: GuildMember): boolean {
  // While a server is first read its roles come before its members; a member built without
  // @everyone known can't say its permissions yet.
  if (member.guild.roles.cache.get(member.guild.id) === undefined) return false;
  return member.permissions.has(PermissionFlagsBits.ManageGuild);
}
