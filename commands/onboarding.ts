import { ChannelType, SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { onboardingLocalizations } from '../src/onboarding/discord/command-localizations.js';
import { DISCORD_LANGUAGE, remindStalled, setUpOnboarding, showOnboardingStats, startOnboarding } from '../src/onboarding/discord/onboarding-command.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../src/i18n/locales.js';
import { NUDGE_DAYS } from '../src/onboarding/settings.js';

const TEXT_CHANNELS = [ChannelType.GuildText] as const;

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
        )
        .addStringOption((o) =>
          o
            .setName('language')
            .setDescription('The language of public posts (introductions, rituals)')
            .addChoices(
              { name: "The server's Discord language", value: DISCORD_LANGUAGE },
              ...LANGUAGES.map((language) => ({ name: LANGUAGE_NAMES[language], value: language })),
            ),
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
  localizations: onboardingLocalizations,
  subcommands: {
    start: { access: 'everyone', scope: 'server', run: startOnboarding },
    setup: { access: 'moderators', scope: 'server', run: setUpOnboarding },
    stats: { access: 'moderators', scope: 'server', run: showOnboardingStats },
    remind: { access: 'moderators', scope: 'server', run: remindStalled },
  },
});
