import { MessageFlags, channelMention, userMention, type ChatInputCommandInteraction, type Guild } from 'discord.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { fail, succeed } from '../../outcome.js';
import { attachmentUrl, drawPictures } from '../../presentation/pictures.js';
import { claimReminders, REMINDERS_PER_RUN, remindersWaiting } from '../outreach.js';
import type { OnboardingOutcome } from '../problems.js';
import { NUDGE_DAYS, settingsInUse, updateOnboardingSettings, type SettingsChange } from '../settings.js';
import { onboardingStats, periodStart, STATS_PERIODS, type StatsPeriod } from '../stats.js';
import { currentTenets } from '../tenets.js';
import { findWalk } from '../walk-store.js';
import { restartWalk } from '../walks.js';
import type { DeliveryOutcome } from './delivery.js';
import { NOT_SET_UP, orExplain } from './explain.js';
import { onboardingOf } from './feature.js';
import { funnelPicture, setupCard, statsCard } from './moderator-view.js';
import { checkSetup } from './setup-checks.js';

/** The handlers of `/onboarding`; the command's definition is commands/onboarding.ts. */

/** The server's Guild object: Discord sends it only where the bot is a member (the cache has it). */
function cachedIn(interaction: ServerCommand): OnboardingOutcome<ChatInputCommandInteraction<'cached'>> {
  return interaction.inCachedGuild() ? succeed(interaction) : fail({ kind: 'bot-not-in-server' });
}

/** Where a walk went, told to the member themselves (no `mention`) or to a moderator about them. */
function whereItWent(outcome: DeliveryOutcome | { kind: 'busy' }, mention?: string): string {
  const whose = mention === undefined ? 'your' : `${mention}'s`;
  const Whose = mention === undefined ? 'Your' : `${mention}'s`;
  switch (outcome.kind) {
    case 'delivered':
      return outcome.channel.via === 'dm'
        ? `I've sent ${whose} welcome walk to ${mention === undefined ? 'your' : 'their'} DMs. 🌱`
        : `${Whose} welcome walk is waiting in a private thread: ${channelMention(outcome.channel.channelId)} 🌱`;
    case 'busy':
      return `${Whose} welcome walk is on its way right now. 🌱`;
    case 'unreachable':
      return mention === undefined
        ? "I couldn't reach you: your DMs are closed and there's no welcome thread I can open. Could you allow DMs from this server, then try again?"
        : `I couldn't reach ${mention}: their DMs are closed and I can't open a welcome thread. \`/onboarding setup\` shows what's missing.`;
    case 'later':
      return mention === undefined
        ? 'Discord asked me to slow down for a moment, so your welcome walk will reach you in a minute or two. 🌱'
        : `Discord asked me to slow down opening DMs for a moment. If ${mention}'s walk hasn't reached them in a few minutes, please try again.`;
    case 'skipped':
      return NOT_SET_UP;
  }
}

async function remindOne(interaction: ServerCommand, ctx: BotContext, guild: Guild, userId: string): Promise<string> {
  const { deliverOnce } = onboardingOf(ctx);
  const who = userMention(userId);
  const [walk] = await claimReminders(ctx, guild.id, userId);
  if (walk) return whereItWent(await deliverOnce(interaction.client, ctx, walk, 'reminder'), who);
  const member = await guild.members.fetch(userId).catch(() => undefined);
  if (!member) return `${who} isn't in this server right now.`;
  if (member.user.bot) return `${who} is a bot, so there's no walk to remind them of.`;
  const existing = await findWalk(ctx.db, guild.id, userId);
  if (existing?.step.kind === 'done') return `${who} has already finished their welcome walk. 🌱`;
  // Joined before onboarding was switched on: start their walk now.
  const started = await restartWalk(ctx, { guildId: guild.id, userId, displayName: member.displayName, defaults: ctx.content.onboarding.tenets });
  return whereItWent(await deliverOnce(interaction.client, ctx, started, 'welcome'), who);
}

export async function startOnboarding(command: ServerCommand, ctx: BotContext): Promise<void> {
  const interaction = orExplain(cachedIn(command));
  orExplain(await settingsInUse(ctx.db, interaction.guildId));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const walk = await restartWalk(ctx, { guildId: interaction.guildId, userId: interaction.user.id, displayName: interaction.member.displayName, defaults: ctx.content.onboarding.tenets });
  const outcome = await onboardingOf(ctx).deliverOnce(interaction.client, ctx, walk, 'restart');
  await interaction.editReply(whereItWent(outcome));
}

export async function setUpOnboarding(command: ServerCommand, ctx: BotContext): Promise<void> {
  const interaction = orExplain(cachedIn(command));
  const { options } = interaction;
  const first = options.getString('first');
  const change: SettingsChange = {
    ...(options.getRole('member-role') ? { memberRoleId: options.getRole('member-role')?.id ?? null } : {}),
    ...(options.getChannel('introductions') ? { introductionsChannelId: options.getChannel('introductions')?.id ?? null } : {}),
    ...(options.getChannel('welcome-channel') ? { welcomeChannelId: options.getChannel('welcome-channel')?.id ?? null } : {}),
    ...(first === 'dm' || first === 'thread' ? { firstContact: first } : {}),
    ...(options.getChannel('log-channel') ? { logChannelId: options.getChannel('log-channel')?.id ?? null } : {}),
    ...(options.getInteger('nudge-after-days') !== null ? { nudgeAfterDays: options.getInteger('nudge-after-days') ?? NUDGE_DAYS.default } : {}),
  };
  const settings = await updateOnboardingSettings(ctx, interaction.guildId, change);
  await interaction.reply({ embeds: [setupCard(settings, checkSetup(interaction.guild, settings))], flags: MessageFlags.Ephemeral });
}

export async function showOnboardingStats(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const chosen = interaction.options.getString('period') ?? 'month';
  const period: StatsPeriod = chosen in STATS_PERIODS ? (chosen as StatsPeriod) : 'month';
  const stats = await onboardingStats(ctx.db, interaction.guildId, periodStart(period, ctx.clock.now()));
  const tenets = await currentTenets(ctx, interaction.guildId, ctx.content.onboarding.tenets);
  const card = statsCard(stats, period, tenets);
  const drawn = await drawPictures(ctx, (measure) => funnelPicture(stats, period, tenets, measure));
  const [funnel] = drawn.files;
  if (funnel !== undefined) card.setImage(attachmentUrl(funnel));
  await interaction.reply({ embeds: [card], files: drawn.files, ...(drawn.ok ? {} : { content: drawn.note }), flags: MessageFlags.Ephemeral });
}

export async function remindStalled(command: ServerCommand, ctx: BotContext): Promise<void> {
  const interaction = orExplain(cachedIn(command));
  const { guild } = interaction;
  orExplain(await settingsInUse(ctx.db, guild.id));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const member = interaction.options.getUser('member');
  if (member) {
    await interaction.editReply(await remindOne(interaction, ctx, guild, member.id));
    return;
  }
  const { deliverOnce } = onboardingOf(ctx);
  const walks = await claimReminders(ctx, guild.id);
  // One failure (logged) mustn't lose the answer while the other reminders carry on.
  const settled = await Promise.allSettled(walks.map((walk) => deliverOnce(interaction.client, ctx, walk, 'reminder')));
  for (const result of settled) {
    if (result.status === 'rejected') ctx.logger.error({ err: result.reason, guild: guild.id }, 'a reminder could not be delivered');
  }
  const sent = settled.filter((result) => result.status === 'fulfilled' && result.value.kind === 'delivered').length;
  const missed = settled.length - sent;
  const more = walks.length < REMINDERS_PER_RUN ? 0 : await remindersWaiting(ctx, guild.id);
  await interaction.editReply(
    walks.length === 0
      ? 'Nobody has been stalled for a day or more (or they were reminded in the last day). 🌱'
      : [
          `I've sent ${sent === 1 ? '1 gentle reminder' : `${sent} gentle reminders`}.`,
          missed > 0 ? `${missed} couldn't be reached; \`/onboarding setup\` shows what's missing.` : '',
          more > 0 ? `To keep things gentle I send ${REMINDERS_PER_RUN} at a time: ${more} more will be reminded when you run this again.` : '',
        ]
          .filter((line) => line !== '')
          .join(' '),
  );
}
