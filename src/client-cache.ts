import { Options, type ClientOptions } from 'discord.js';

/**
 * What the bot keeps of Discord in memory. discord.js caches everything it sees by default, and a
 * member or user seen once (a join, a nickname change, an interaction) stays for the life of the
 * process: with thousands of servers that is most of the bot's memory. The bot reads only servers,
 * their channels and roles, and its own member (for permissions); whatever else it needs it fetches
 * (`guild.members.fetch`, `channels.fetch`). Interactions still carry full members and users: those
 * objects are built for the handler and dropped with it.
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
    GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
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
