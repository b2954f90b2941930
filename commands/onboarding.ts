import { ChannelType, MessageFlags, SlashCommandBuilder, channelMention, userMention, type ChatInputCommandInteraction, type Guild } from 'discord.js';
import type { BotContext } from '../src/context.js';
import { UserFacingError } from '../src/interactions/errors.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { deliverOnce, type DeliveryOutcome } from '../src/onboarding/delivery.js';
import { setupCard, statsCard } from '../src/onboarding/moderator-views.js';
import { claimReminders, REMINDERS_PER_RUN, remindersWaiting } from '../src/onboarding/outreach.js';
import { findOnboardingSettings, NUDGE_DAYS, updateOnboardingSettings, type SettingsChange } from '../src/onboarding/settings.js';
import { checkSetup } from '../src/onboarding/setup-checks.js';
import { onboardingStats, periodStart, STATS_PERIODS, type StatsPeriod } from '../src/onboarding/stats.js';
import { currentTenets } from '../src/onboarding/tenets.js';
import { findWalk } from '../src/onboarding/walk-store.js';
import { restartWalk } from '../src/onboarding/walks.js';

const IN_A_SERVER = 'Please use this in the server you mean: each community runs its own onboarding.';
const NOT_SET_UP = "Onboarding isn't switched on in this server yet. A moderator can set it up with `/onboarding setup`.";

function guildOf(interaction: ChatInputCommandInteraction): Guild {
  if (!interaction.inCachedGuild()) throw new UserFacingError(IN_A_SERVER);
  return interaction.guild;
}

const TEXT_CHANNELS = [ChannelType.GuildText] as const;

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
    case 'skipped':
      return NOT_SET_UP;
  }
}

async function remindOne(interaction: ChatInputCommandInteraction, ctx: BotContext, guild: Guild, userId: string): Promise<string> {
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

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('onboarding')
    .setDescription('The welcome walk through our tenets')
    .addSubcommand((sub) => sub.setName('start').setDescription('Walk through the tenets and introduce yourself (again)'))
    .addSubcommand((sub) =>
      sub
        .setName('setup')
        .setDescription('Choose how new members are welcomed (moderators)')
        .addRoleOption((o) => o.setName('member-role').setDescription('The role members get when they finish'))
        .addChannelOption((o) => o.setName('introductions').setDescription('Where introductions are posted').addChannelTypes(...TEXT_CHANNELS))
        .addChannelOption((o) => o.setName('welcome-channel').setDescription('Where private welcome threads open, when DMs are closed').addChannelTypes(...TEXT_CHANNELS))
        .addStringOption((o) =>
          o
            .setName('first')
            .setDescription('Where the walk starts')
            .addChoices({ name: 'In DMs (a thread if DMs are closed)', value: 'dm' }, { name: 'In a private thread', value: 'thread' }),
        )
        .addChannelOption((o) => o.setName('log-channel').setDescription('Where I tell moderators about problems').addChannelTypes(...TEXT_CHANNELS))
        .addIntegerOption((o) =>
          o.setName('nudge-after-days').setDescription('Days without progress before one gentle nudge (0: never)').setMinValue(NUDGE_DAYS.min).setMaxValue(NUDGE_DAYS.max),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('stats')
        .setDescription('How new members are getting on (moderators)')
        .addStringOption((o) =>
          o
            .setName('period')
            .setDescription('Members who joined in…')
            .addChoices(
              { name: 'the last 7 days', value: 'week' },
              { name: 'the last 30 days', value: 'month' },
              { name: 'the last 90 days', value: 'quarter' },
              { name: 'all time', value: 'all' },
            ),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remind')
        .setDescription('Gently remind members whose walk has stalled (moderators)')
        .addUserOption((o) => o.setName('member').setDescription('Just this member (otherwise everyone stalled for a day or more)')),
    ),
  subcommands: {
    start: {
      access: 'everyone',
      scope: 'anywhere',
      async run(interaction, ctx) {
        if (!interaction.inCachedGuild()) throw new UserFacingError(IN_A_SERVER);
        const { guild, member } = interaction;
        if (!(await findOnboardingSettings(ctx.db, guild.id))) throw new UserFacingError(NOT_SET_UP);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const walk = await restartWalk(ctx, { guildId: guild.id, userId: interaction.user.id, displayName: member.displayName, defaults: ctx.content.onboarding.tenets });
        const outcome = await deliverOnce(interaction.client, ctx, walk, 'restart');
        await interaction.editReply(whereItWent(outcome));
      },
    },
    setup: {
      access: 'moderators',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const guild = guildOf(interaction);
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
        const settings = await updateOnboardingSettings(ctx, guild.id, change);
        await interaction.reply({ embeds: [setupCard(settings, checkSetup(guild, settings))], flags: MessageFlags.Ephemeral });
      },
    },
    stats: {
      access: 'moderators',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const guild = guildOf(interaction);
        const chosen = interaction.options.getString('period') ?? 'month';
        const period: StatsPeriod = chosen in STATS_PERIODS ? (chosen as StatsPeriod) : 'month';
        const stats = await onboardingStats(ctx.db, guild.id, periodStart(period, ctx.clock.now()));
        const tenets = await currentTenets(ctx, guild.id, ctx.content.onboarding.tenets);
        await interaction.reply({ embeds: [statsCard(stats, period, tenets)], flags: MessageFlags.Ephemeral });
      },
    },
    remind: {
      access: 'moderators',
      scope: 'anywhere',
      async run(interaction, ctx) {
        const guild = guildOf(interaction);
        if (!(await findOnboardingSettings(ctx.db, guild.id))) throw new UserFacingError(NOT_SET_UP);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const member = interaction.options.getUser('member');
        if (member) {
          await interaction.editReply(await remindOne(interaction, ctx, guild, member.id));
          return;
        }
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
      },
    },
  },
});
