import { MessageFlags, channelMention, userMention, type ChatInputCommandInteraction, type Guild } from 'discord.js';
import type { BotContext } from '../../context.js';
import { chooseServerLanguage, chosenServerLanguage } from '../../guilds/server-language.js';
import { isLanguage, type Language } from '../../i18n/locales.js';
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
import { onboardingOf } from './feature.js';
import type { OnboardingSays } from './messages.js';
import { funnelPicture, setupCard, statsCard } from './moderator-view.js';
import { checkSetup } from './setup-checks.js';
import { memberVoice } from './voice.js';

/** `/onboarding setup language:`'s choice that goes back to the server's Discord language. */
export const DISCORD_LANGUAGE = 'discord';

/** The handlers of `/onboarding`; the command's definition is commands/onboarding.ts. */

/** The server's Guild object: Discord sends it only where the bot is a member (the cache has it). */
function cachedIn(interaction: ServerCommand): OnboardingOutcome<ChatInputCommandInteraction<'cached'>> {
  return interaction.inCachedGuild() ? succeed(interaction) : fail({ kind: 'bot-not-in-server' });
}

/** Where a walk went, told to the member themselves (no `mention`) or to a moderator about them. */
function whereItWent(outcome: DeliveryOutcome | { kind: 'busy' }, t: OnboardingSays, member?: string): string {
  switch (outcome.kind) {
    case 'delivered': {
      const channel = channelMention(outcome.channel.channelId);
      if (outcome.channel.via === 'dm') return member === undefined ? t('where.dm.self') : t('where.dm.member', { member });
      return member === undefined ? t('where.thread.self', { channel }) : t('where.thread.member', { member, channel });
    }
    case 'busy':
      return member === undefined ? t('where.busy.self') : t('where.busy.member', { member });
    case 'unreachable':
      return member === undefined ? t('where.unreachable.self') : t('where.unreachable.member', { member });
    case 'later':
      return member === undefined ? t('where.later.self') : t('where.later.member', { member });
    case 'skipped':
      return t('problem.not-set-up');
  }
}

async function remindOne(interaction: ServerCommand, ctx: BotContext, guild: Guild, userId: string, t: OnboardingSays): Promise<string> {
  const { deliverOnce } = onboardingOf(ctx);
  const member = userMention(userId);
  const [walk] = await claimReminders(ctx, guild.id, userId);
  if (walk) return whereItWent(await deliverOnce(interaction.client, ctx, walk, 'reminder'), t, member);
  const found = await guild.members.fetch(userId).catch(() => undefined);
  if (!found) return t('remind.not-here', { member });
  if (found.user.bot) return t('remind.bot', { member });
  const existing = await findWalk(ctx.db, guild.id, userId);
  if (existing?.step.kind === 'done') return t('remind.finished', { member });
  // Joined before onboarding was switched on: start their walk now.
  const started = await restartWalk(ctx, { guildId: guild.id, userId, displayName: found.displayName, defaults: ctx.content.onboarding.tenets });
  return whereItWent(await deliverOnce(interaction.client, ctx, started, 'welcome'), t, member);
}

/** The `language` option: a language, the server's Discord language (undefined), or no change (null). */
function languageChoice(value: string | null): Language | undefined | null {
  if (value === null) return null;
  return isLanguage(value) ? value : undefined;
}

export async function startOnboarding(command: ServerCommand, ctx: BotContext): Promise<void> {
  const { t, orExplain } = await memberVoice(command, ctx);
  const interaction = orExplain(cachedIn(command));
  orExplain(await settingsInUse(ctx.db, interaction.guildId));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const walk = await restartWalk(ctx, { guildId: interaction.guildId, userId: interaction.user.id, displayName: interaction.member.displayName, defaults: ctx.content.onboarding.tenets });
  const outcome = await onboardingOf(ctx).deliverOnce(interaction.client, ctx, walk, 'restart');
  await interaction.editReply(whereItWent(outcome, t));
}

export async function setUpOnboarding(command: ServerCommand, ctx: BotContext): Promise<void> {
  const { orExplain, reader, t } = await memberVoice(command, ctx);
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
  const language = languageChoice(options.getString('language'));
  if (language !== null) await chooseServerLanguage(ctx.db, ctx.clock, interaction.guildId, language);
  const posts = { chosen: await chosenServerLanguage(ctx.db, interaction.guildId), discordLocale: interaction.guild.preferredLocale };
  await interaction.reply({ embeds: [setupCard(settings, checkSetup(interaction.guild, settings, reader), posts, t)], flags: MessageFlags.Ephemeral });
}

export async function showOnboardingStats(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { t, reader } = await memberVoice(interaction, ctx);
  const chosen = interaction.options.getString('period') ?? 'month';
  const period: StatsPeriod = chosen in STATS_PERIODS ? (chosen as StatsPeriod) : 'month';
  const stats = await onboardingStats(ctx.db, interaction.guildId, periodStart(period, ctx.clock.now()));
  const tenets = await currentTenets(ctx, interaction.guildId, ctx.content.onboarding.tenets);
  const card = statsCard(stats, period, tenets, t);
  const drawn = await drawPictures(ctx, (measure) => funnelPicture(stats, period, tenets, measure, t), reader);
  const [funnel] = drawn.files;
  if (funnel !== undefined) card.setImage(attachmentUrl(funnel));
  await interaction.reply({ embeds: [card], files: drawn.files, ...(drawn.ok ? {} : { content: drawn.note }), flags: MessageFlags.Ephemeral });
}

export async function remindStalled(command: ServerCommand, ctx: BotContext): Promise<void> {
  const { t, orExplain } = await memberVoice(command, ctx);
  const interaction = orExplain(cachedIn(command));
  const { guild } = interaction;
  orExplain(await settingsInUse(ctx.db, guild.id));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const member = interaction.options.getUser('member');
  if (member) {
    await interaction.editReply(await remindOne(interaction, ctx, guild, member.id, t));
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
      ? t('remind.nobody')
      : [
          t('remind.sent', { count: sent }),
          missed > 0 ? t('remind.missed', { count: missed }) : '',
          more > 0 ? t('remind.more', { batch: REMINDERS_PER_RUN, count: more }) : '',
        ]
          .filter((line) => line !== '')
          .join(' '),
  );
}
