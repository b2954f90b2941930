import { GatewayDispatchEvents, GatewayIntentBits as I } from 'discord-api-types/v10';

export const PRIVILEGED_INTENTS = I.GuildMembers | I.GuildPresences | I.MessageContent;

/** Every documented bit; anything else in IDENTIFY is an "invalid intent" (4013). */
export const KNOWN_INTENTS = Object.values(I)
  .filter((bit): bit is number => typeof bit === 'number')
  .reduce((all, bit) => all | bit, 0);

/**
 * How an event is gated. Message-like events use a different bit in guilds and DMs, so they carry
 * both; `always` events (READY, interactions, ...) ignore intents entirely.
 */
type IntentRule = number | { guild: number; dm: number } | 'always';

/**
 * Source: Discord's "List of Intents" (Gateway topic). Typed as a full Record so a new
 * discord-api-types event fails the typecheck until someone decides how it is gated.
 */
const EVENT_INTENTS: Record<GatewayDispatchEvents, IntentRule> = {
  [GatewayDispatchEvents.Ready]: 'always',
  [GatewayDispatchEvents.Resumed]: 'always',
  [GatewayDispatchEvents.InteractionCreate]: 'always',
  [GatewayDispatchEvents.UserUpdate]: 'always',
  [GatewayDispatchEvents.GuildMembersChunk]: 'always',
  [GatewayDispatchEvents.RateLimited]: 'always',
  [GatewayDispatchEvents.ApplicationCommandPermissionsUpdate]: 'always',
  [GatewayDispatchEvents.EntitlementCreate]: 'always',
  [GatewayDispatchEvents.EntitlementUpdate]: 'always',
  [GatewayDispatchEvents.EntitlementDelete]: 'always',
  [GatewayDispatchEvents.SubscriptionCreate]: 'always',
  [GatewayDispatchEvents.SubscriptionUpdate]: 'always',
  [GatewayDispatchEvents.SubscriptionDelete]: 'always',
  [GatewayDispatchEvents.VoiceServerUpdate]: 'always',
  [GatewayDispatchEvents.SoundboardSounds]: 'always',
  [GatewayDispatchEvents.ChannelInfo]: 'always',

  [GatewayDispatchEvents.GuildCreate]: I.Guilds,
  [GatewayDispatchEvents.GuildUpdate]: I.Guilds,
  [GatewayDispatchEvents.GuildDelete]: I.Guilds,
  [GatewayDispatchEvents.GuildRoleCreate]: I.Guilds,
  [GatewayDispatchEvents.GuildRoleUpdate]: I.Guilds,
  [GatewayDispatchEvents.GuildRoleDelete]: I.Guilds,
  [GatewayDispatchEvents.ChannelCreate]: I.Guilds,
  [GatewayDispatchEvents.ChannelUpdate]: I.Guilds,
  [GatewayDispatchEvents.ChannelDelete]: I.Guilds,
  [GatewayDispatchEvents.ChannelPinsUpdate]: { guild: I.Guilds, dm: I.DirectMessages },
  [GatewayDispatchEvents.ThreadCreate]: I.Guilds,
  [GatewayDispatchEvents.ThreadUpdate]: I.Guilds,
  [GatewayDispatchEvents.ThreadDelete]: I.Guilds,
  [GatewayDispatchEvents.ThreadListSync]: I.Guilds,
  [GatewayDispatchEvents.ThreadMemberUpdate]: I.Guilds,
  // Listed under both GUILDS and GUILD_MEMBERS: without the latter it only reports the bot itself,
  // which visibility.ts enforces.
  [GatewayDispatchEvents.ThreadMembersUpdate]: I.Guilds,
  [GatewayDispatchEvents.StageInstanceCreate]: I.Guilds,
  [GatewayDispatchEvents.StageInstanceUpdate]: I.Guilds,
  [GatewayDispatchEvents.StageInstanceDelete]: I.Guilds,
  [GatewayDispatchEvents.VoiceChannelStatusUpdate]: I.Guilds,
  [GatewayDispatchEvents.VoiceChannelStartTimeUpdate]: I.Guilds,

  [GatewayDispatchEvents.GuildMemberAdd]: I.GuildMembers,
  [GatewayDispatchEvents.GuildMemberUpdate]: I.GuildMembers,
  [GatewayDispatchEvents.GuildMemberRemove]: I.GuildMembers,

  [GatewayDispatchEvents.GuildAuditLogEntryCreate]: I.GuildModeration,
  [GatewayDispatchEvents.GuildBanAdd]: I.GuildModeration,
  [GatewayDispatchEvents.GuildBanRemove]: I.GuildModeration,

  [GatewayDispatchEvents.GuildEmojisUpdate]: I.GuildExpressions,
  [GatewayDispatchEvents.GuildStickersUpdate]: I.GuildExpressions,
  [GatewayDispatchEvents.GuildSoundboardSoundCreate]: I.GuildExpressions,
  [GatewayDispatchEvents.GuildSoundboardSoundUpdate]: I.GuildExpressions,
  [GatewayDispatchEvents.GuildSoundboardSoundDelete]: I.GuildExpressions,
  [GatewayDispatchEvents.GuildSoundboardSoundsUpdate]: I.GuildExpressions,

  [GatewayDispatchEvents.GuildIntegrationsUpdate]: I.GuildIntegrations,
  [GatewayDispatchEvents.IntegrationCreate]: I.GuildIntegrations,
  [GatewayDispatchEvents.IntegrationUpdate]: I.GuildIntegrations,
  [GatewayDispatchEvents.IntegrationDelete]: I.GuildIntegrations,

  [GatewayDispatchEvents.WebhooksUpdate]: I.GuildWebhooks,
  [GatewayDispatchEvents.InviteCreate]: I.GuildInvites,
  [GatewayDispatchEvents.InviteDelete]: I.GuildInvites,
  [GatewayDispatchEvents.VoiceStateUpdate]: I.GuildVoiceStates,
  [GatewayDispatchEvents.VoiceChannelEffectSend]: I.GuildVoiceStates,
  [GatewayDispatchEvents.PresenceUpdate]: I.GuildPresences,

  [GatewayDispatchEvents.MessageCreate]: { guild: I.GuildMessages, dm: I.DirectMessages },
  [GatewayDispatchEvents.MessageUpdate]: { guild: I.GuildMessages, dm: I.DirectMessages },
  [GatewayDispatchEvents.MessageDelete]: { guild: I.GuildMessages, dm: I.DirectMessages },
  [GatewayDispatchEvents.MessageDeleteBulk]: I.GuildMessages,
  [GatewayDispatchEvents.MessageReactionAdd]: { guild: I.GuildMessageReactions, dm: I.DirectMessageReactions },
  [GatewayDispatchEvents.MessageReactionRemove]: { guild: I.GuildMessageReactions, dm: I.DirectMessageReactions },
  [GatewayDispatchEvents.MessageReactionRemoveAll]: {
    guild: I.GuildMessageReactions,
    dm: I.DirectMessageReactions,
  },
  [GatewayDispatchEvents.MessageReactionRemoveEmoji]: {
    guild: I.GuildMessageReactions,
    dm: I.DirectMessageReactions,
  },
  [GatewayDispatchEvents.TypingStart]: { guild: I.GuildMessageTyping, dm: I.DirectMessageTyping },
  [GatewayDispatchEvents.MessagePollVoteAdd]: { guild: I.GuildMessagePolls, dm: I.DirectMessagePolls },
  [GatewayDispatchEvents.MessagePollVoteRemove]: { guild: I.GuildMessagePolls, dm: I.DirectMessagePolls },

  [GatewayDispatchEvents.GuildScheduledEventCreate]: I.GuildScheduledEvents,
  [GatewayDispatchEvents.GuildScheduledEventUpdate]: I.GuildScheduledEvents,
  [GatewayDispatchEvents.GuildScheduledEventDelete]: I.GuildScheduledEvents,
  [GatewayDispatchEvents.GuildScheduledEventUserAdd]: I.GuildScheduledEvents,
  [GatewayDispatchEvents.GuildScheduledEventUserRemove]: I.GuildScheduledEvents,

  [GatewayDispatchEvents.AutoModerationRuleCreate]: I.AutoModerationConfiguration,
  [GatewayDispatchEvents.AutoModerationRuleUpdate]: I.AutoModerationConfiguration,
  [GatewayDispatchEvents.AutoModerationRuleDelete]: I.AutoModerationConfiguration,
  [GatewayDispatchEvents.AutoModerationActionExecution]: I.AutoModerationExecution,
};

/** The guild a dispatch belongs to, if any: GUILD_* events carry it as `id`, the rest as `guild_id`. */
export function guildIdOf(event: GatewayDispatchEvents, data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  if ('guild_id' in data && typeof data.guild_id === 'string') return data.guild_id;
  const guildKeyedById =
    event === GatewayDispatchEvents.GuildCreate ||
    event === GatewayDispatchEvents.GuildUpdate ||
    event === GatewayDispatchEvents.GuildDelete;
  if (guildKeyedById && 'id' in data && typeof data.id === 'string') return data.id;
  return null;
}

/** The intent bit a session needs to receive this dispatch, or null when none is needed. */
export function requiredIntent(event: GatewayDispatchEvents, data: unknown): number | null {
  const rule = EVENT_INTENTS[event];
  if (rule === 'always') return null;
  if (typeof rule === 'number') return rule;
  return guildIdOf(event, data) === null ? rule.dm : rule.guild;
}

export function hasIntent(intents: number, bit: number): boolean {
  return (intents & bit) === bit;
}
