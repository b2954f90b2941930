import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandIntegerOption, type SlashCommandSubcommandBuilder } from 'discord.js';
import { defineCommand } from '../src/interactions/handlers.js';
import { RITUAL_KINDS, kindLabel } from '../src/rituals/model.js';
import * as ritual from '../src/rituals/discord/ritual-command.js';
import { ritualLocalizations } from '../src/rituals/discord/command-localizations.js';
import { ritualRoutes } from '../src/rituals/discord/ritual-routes.js';

const ritualOption = (option: SlashCommandIntegerOption) =>
  option.setName('ritual').setDescription('Which ritual (start typing to choose)').setRequired(true).setMinValue(1).setAutocomplete(true);

const withRitual = (name: string, description: string) => (sub: SlashCommandSubcommandBuilder) =>
  sub.setName(name).setDescription(description).addIntegerOption(ritualOption);

const { MAX_CATCH_UP_HOURS, POSTABLE_CHANNELS } = ritual;

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('ritual')
    .setDescription('Weekly poems, podcast club and prompts, posted on a schedule')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) =>
      sub
        .setName('create')
        .setDescription('Set up a ritual: what to post, where, and when')
        .addStringOption((o) =>
          o
            .setName('kind')
            .setDescription('What to post')
            .setRequired(true)
            .addChoices(...RITUAL_KINDS.map((kind) => ({ name: kindLabel(kind), value: kind }))),
        )
        .addChannelOption((o) => o.setName('channel').setDescription('Where to post it').setRequired(true).addChannelTypes(...POSTABLE_CHANNELS))
        .addStringOption((o) => o.setName('cron').setDescription('When, as five cron parts: 0 9 * * 1 is every Monday at 9:00').setRequired(true).setMaxLength(100))
        .addStringOption((o) => o.setName('timezone').setDescription('Whose clock, e.g. America/New_York').setRequired(true).setAutocomplete(true).setMaxLength(64))
        .addBooleanOption((o) => o.setName('thread').setDescription('Open a discussion thread on each post (default: yes for poems and podcast club, no for prompts)'))
        .addStringOption((o) => o.setName('text').setDescription('For a prompt: the words to post').setMaxLength(2000))
        .addIntegerOption((o) =>
          o.setName('catch_up_hours').setDescription('If I was offline when it was due, still post up to this many hours late (default 6)').setMinValue(0).setMaxValue(MAX_CATCH_UP_HOURS),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription("This server's rituals, their next runs and any problems"))
    .addSubcommand((sub) =>
      sub
        .setName('history')
        .setDescription('What became of the last 12 runs of each ritual, as a picture')
        .addIntegerOption((option) => option.setName('ritual').setDescription('Just this ritual (start typing to choose)').setMinValue(1).setAutocomplete(true)),
    )
    .addSubcommand((sub) =>
      withRitual('edit', 'Change where, when or how a ritual posts')(sub)
        .addChannelOption((o) => o.setName('channel').setDescription('A new channel').addChannelTypes(...POSTABLE_CHANNELS))
        .addStringOption((o) => o.setName('cron').setDescription('A new schedule, as five cron parts').setMaxLength(100))
        .addStringOption((o) => o.setName('timezone').setDescription('A new time zone').setAutocomplete(true).setMaxLength(64))
        .addBooleanOption((o) => o.setName('thread').setDescription('Open a discussion thread on each post'))
        .addStringOption((o) => o.setName('text').setDescription("A prompt's new words").setMaxLength(2000))
        .addIntegerOption((o) => o.setName('catch_up_hours').setDescription('How many hours late a missed post may still go out').setMinValue(0).setMaxValue(MAX_CATCH_UP_HOURS)),
    )
    .addSubcommand(withRitual('pause', 'Stop a ritual posting until you resume it'))
    .addSubcommand(withRitual('resume', 'Start a paused ritual again'))
    .addSubcommand(withRitual('delete', 'Remove a ritual and its schedule'))
    .addSubcommand(withRitual('preview', 'See the next post before it goes out'))
    .addSubcommand(withRitual('run-now', 'Post the ritual right now, as an extra'))
    .addSubcommand(withRitual('skip-next', 'Skip the next scheduled post'))
    .addSubcommand(withRitual('retry', 'Try a post that failed again')),
  localizations: ritualLocalizations,
  subcommands: {
    create: { access: 'moderators', scope: 'server', run: ritual.create },
    list: { access: 'moderators', scope: 'server', run: ritual.list },
    history: { access: 'moderators', scope: 'server', run: ritual.history },
    edit: { access: 'moderators', scope: 'server', run: ritual.edit },
    pause: { access: 'moderators', scope: 'server', run: ritual.pause },
    resume: { access: 'moderators', scope: 'server', run: ritual.resume },
    delete: { access: 'moderators', scope: 'server', run: ritual.remove },
    preview: { access: 'moderators', scope: 'server', run: ritual.preview },
    'run-now': { access: 'moderators', scope: 'server', run: ritual.runNow },
    'skip-next': { access: 'moderators', scope: 'server', run: ritual.skip },
    retry: { access: 'moderators', scope: 'server', run: ritual.retry },
  },
  autocomplete: { scope: 'server', run: ritual.autocomplete },
  components: ritualRoutes,
});
