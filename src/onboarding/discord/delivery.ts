import {
  ChannelType,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
  channelMention,
  userMention,
  type Client,
  type Guild,
  type MessageCreateOptions,
  type TextChannel,
} from 'discord.js';
import type { BotContext } from '../../context.js';
import { restSender, tellModerators } from '../../guilds/discord/moderator-notes.js';
import { serverReader } from '../../guilds/server-language.js';
import type { Reader } from '../../i18n/locales.js';
import { isDiscordError } from '../../interactions/discord-errors.js';
import { inlineText } from '../../presentation/inline-text.js';
import { findOnboardingSettings, type OnboardingSettings } from '../settings.js';
import { tenetsAt } from '../tenets.js';
import type { Walk, WalkChannel } from '../walk-store.js';
import { postponeOutreach } from '../outreach.js';
import { recordDelivered, recordUnreachable, releaseUndeliverable } from '../walks.js';
import { shownWhy } from '../shown-content.js';
import { onboardingMessages, type OnboardingSays } from './messages.js';
import { describeRoleProblem, roleProblem, type RoleProblem } from './setup-checks.js';
import { stepMessage, type Opening, type WalkScene } from './walk-view.js';

/**
 * Onboarding's side of Discord: reaching a member (their DMs, or a private thread in the welcome
 * channel when DMs are closed), granting the member role, and telling moderators what went wrong.
 * Domain decisions stay in the services; this module only carries them out.
 */

/** Errors that mean "this way in is closed", as opposed to Discord being unwell (retried later). */
const CLOSED = [
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  // No server in common any more (they left meanwhile): as closed as DMs turned off.
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMember,
] as const;

function isClosed(error: unknown): boolean {
  return isDiscordError(error, ...CLOSED);
}

/**
 * What a refused attempt to reach a member means: `closed`, try the other way in; `later`, Discord
 * says the bot opens DMs too fast (40003), so the member waits for the next tick rather than being
 * written off; `unexpected`, thrown on for the caller's safety net.
 */
export function reachFailure(error: unknown): 'closed' | 'later' | 'unexpected' {
  if (isDiscordError(error, RESTJSONErrorCodes.OpeningDirectMessagesTooFast)) return 'later';
  return isClosed(error) ? 'closed' : 'unexpected';
}

/**
 * Who reads what the bot says in a server on its own initiative (a walk's first message, a nudge,
 * an introduction, a note to moderators): the server's language. Discord tells the bot a member's
 * own language only when they click.
 */
export function serverReaderOf(ctx: BotContext, guild: Guild): Promise<Reader> {
  return serverReader(ctx.db, guild.id, guild.preferredLocale);
}

export function sceneFor(guild: Guild, settings: OnboardingSettings | undefined, ctx: BotContext, reader: Reader): WalkScene {
  const { why, shippedTenets } = ctx.content.onboarding;
  return {
    guildName: guild.name,
    why: shownWhy(why, reader),
    introductionsChannelId: settings?.introductionsChannelId ?? null,
    reader,
    t: onboardingMessages.for(reader),
    shippedTenets,
  };
}

/** A note in the moderators' log channel, in the server's language; without one, it goes to the bot's log only. Never throws. */
export async function noteModerators(client: Client, ctx: BotContext, guildId: string, write: (t: OnboardingSays) => string): Promise<void> {
  const guild = client.guilds.cache.get(guildId);
  const note = write(onboardingMessages.for(await serverReader(ctx.db, guildId, guild?.preferredLocale)));
  const outcome = await tellModerators({ db: ctx.db, logger: ctx.logger, sender: restSender(client) }, guildId, `🛠️ ${note}`);
  if (outcome === 'no-log-channel') ctx.logger.warn({ guild: guildId, note }, 'a note for moderators, with no log channel to post it in');
}

async function viaDm(client: Client, walk: Walk, message: MessageCreateOptions): Promise<WalkChannel> {
  const dm = await client.users.createDM(walk.userId);
  await dm.send(message);
  return { via: 'dm', channelId: dm.id };
}

async function viaThread(guild: Guild, settings: OnboardingSettings, walk: Walk, message: MessageCreateOptions, t: OnboardingSays): Promise<WalkChannel | undefined> {
  // Fetched, not only looked up: after a restart an archived thread isn't in the cache.
  const earlier = walk.lastChannel?.via === 'thread' ? await guild.channels.fetch(walk.lastChannel.channelId).catch(() => null) : null;
  let thread = earlier?.isThread() ? earlier : undefined;
  // Discord refuses adding a member to, or sending in, an archived thread (50083): open it again first.
  if (thread?.archived) await thread.setArchived(false, 'Continuing a welcome walk');
  if (!thread) {
    const parent = settings.welcomeChannelId ? guild.channels.cache.get(settings.welcomeChannelId) : undefined;
    if (parent?.type !== ChannelType.GuildText) return undefined;
    thread = await (parent as TextChannel).threads.create({
      name: t('thread.name', { name: walk.displayName }).slice(0, 100),
      type: ChannelType.PrivateThread,
      invitable: false,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
      reason: `Welcome walk for a new member whose DMs are closed`,
    });
  }
  // Adding is idempotent; a member who left and came back must be let in again.
  await thread.members.add(walk.userId);
  await thread.send(message);
  return { via: 'thread', channelId: thread.id };
}

export type Reach = { readonly kind: 'reached'; readonly channel: WalkChannel } | { readonly kind: 'closed' } | { readonly kind: 'later' };

/**
 * Sends `message` wherever the member can be reached: where their walk already lives, then the
 * server's first choice, then the other. `closed` when every way in is closed; `later` when
 * Discord asks the bot to slow down opening DMs (trying the thread instead would only make a
 * second home for the walk because of a moment's limit).
 */
export async function reachMember(client: Client, guild: Guild, settings: OnboardingSettings, walk: Walk, message: MessageCreateOptions, t: OnboardingSays): Promise<Reach> {
  const chosen: Array<'dm' | 'thread'> = settings.firstContact === 'thread' ? ['thread', 'dm'] : ['dm', 'thread'];
  const lived = walk.lastChannel?.via;
  const order = lived ? [lived, ...chosen.filter((way) => way !== lived)] : chosen;
  for (const way of order) {
    try {
      const channel = way === 'dm' ? await viaDm(client, walk, message) : await viaThread(guild, settings, walk, message, t);
      if (channel) return { kind: 'reached', channel };
    } catch (error) {
      const failure = reachFailure(error);
      if (failure === 'later') return { kind: 'later' };
      if (failure === 'unexpected') throw error;
    }
  }
  return { kind: 'closed' };
}

export type DeliveryOutcome =
  | { readonly kind: 'delivered'; readonly channel: WalkChannel }
  | { readonly kind: 'unreachable' }
  /** Discord asked the bot to slow down opening DMs: a pending walk goes out on a coming tick. */
  | { readonly kind: 'later' }
  /** The bot is no longer in the server, or the server switched onboarding off. */
  | { readonly kind: 'skipped' };

/** Shows the member their current step (with a welcome, a nudge…) and records where it went. */
export async function deliverWalk(client: Client, ctx: BotContext, walk: Walk, opening: Opening): Promise<DeliveryOutcome> {
  const guild = client.guilds.cache.get(walk.guildId);
  const settings = await findOnboardingSettings(ctx.db, walk.guildId);
  const tenets = await tenetsAt(ctx.db, walk.guildId, walk.tenetVersion);
  if (!guild || !settings || !tenets || walk.step.kind === 'done') {
    // Otherwise a pending walk stays claimed, and the ticker claims it again every few minutes.
    await releaseUndeliverable(ctx, walk.guildId, walk.userId);
    return { kind: 'skipped' };
  }
  const scene = sceneFor(guild, settings, ctx, await serverReaderOf(ctx, guild));
  const reach = await reachMember(client, guild, settings, walk, stepMessage(walk, tenets, scene, opening), scene.t);
  if (reach.kind === 'reached') {
    await recordDelivered(ctx, walk.guildId, walk.userId, reach.channel);
    return { kind: 'delivered', channel: reach.channel };
  }
  if (reach.kind === 'later') {
    await postponeOutreach(ctx, walk.guildId, walk.userId, opening === 'nudge' ? 'nudge' : 'delivery');
    return { kind: 'later' };
  }
  if (await recordUnreachable(ctx, walk.guildId, walk.userId)) {
    const { welcomeChannelId } = settings;
    const member = userMention(walk.userId);
    await noteModerators(client, ctx, walk.guildId, (t) =>
      welcomeChannelId ? t('note.unreachable.no-thread', { member, channel: channelMention(welcomeChannelId) }) : t('note.unreachable.no-welcome-channel', { member }),
    );
  }
  return { kind: 'unreachable' };
}

export type RoleGrant =
  | { readonly kind: 'granted'; readonly name: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly problem: RoleProblem | 'member-left' };

/**
 * Gives the member the server's member role. Discord has the last word, so the grant is always
 * attempted; when it refuses, the bot's view of the server explains why to the moderators.
 */
export async function grantMemberRole(client: Client, ctx: BotContext, guild: Guild, settings: OnboardingSettings, userId: string): Promise<RoleGrant> {
  const roleId = settings.memberRoleId;
  if (roleId === null) return { kind: 'none' };
  const role = guild.roles.cache.get(roleId);
  if (!role) {
    await noteModerators(client, ctx, guild.id, (t) => [t('note.role-missing', { member: userMention(userId) }), describeRoleProblem(guild, roleId, 'missing', t)].join(' '));
    return { kind: 'failed', problem: 'missing' };
  }
  try {
    await guild.members.addRole({ user: userId, role: roleId, reason: 'Finished the welcome walk' });
    return { kind: 'granted', name: role.name };
  } catch (error) {
    if (isDiscordError(error, RESTJSONErrorCodes.UnknownMember)) return { kind: 'failed', problem: 'member-left' };
    if (!isClosed(error)) throw error;
    const problem = roleProblem(guild, roleId) ?? 'no-manage-roles';
    await noteModerators(client, ctx, guild.id, (t) =>
      [t('note.role-refused', { member: userMention(userId), role: inlineText(role.name) }), describeRoleProblem(guild, roleId, problem, t), t('note.role-by-hand')].join(' '),
    );
    return { kind: 'failed', problem };
  }
}

export type DeliverOnce = (client: Client, ctx: BotContext, walk: Walk, opening: Opening) => Promise<DeliveryOutcome | { readonly kind: 'busy' }>;

/**
 * {@link deliverWalk}, unless this bot is already delivering that walk: the ticker never starts a
 * second delivery beside a join's or a command's. Each bot's onboarding feature holds one.
 */
export function createDeliverOnce(): DeliverOnce {
  const underWay = new Set<string>();
  return async (client, ctx, walk, opening) => {
    const key = `${walk.guildId}/${walk.userId}`;
    if (underWay.has(key)) return { kind: 'busy' };
    underWay.add(key);
    try {
      return await deliverWalk(client, ctx, walk, opening);
    } finally {
      underWay.delete(key);
    }
  };
}
