import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type APIEmbedField,
  type ChatInputCommandInteraction,
  type SlashCommandIntegerOption,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../src/context.js';
import { customId } from '../src/interactions/custom-id.js';
import { UserFacingError } from '../src/interactions/errors.js';
import { defineCommand, defineComponent, type CommandAction } from '../src/interactions/handlers.js';
import { replyPrivately } from '../src/interactions/replies.js';
import { cadence, runLine, scheduleField, upcomingRuns } from '../src/rituals/display.js';
import { explainProblem, valueOrExplain } from '../src/rituals/explain.js';
import { claimNow, historyOf, retryLatestFailed, skipNext } from '../src/rituals/ledger.js';
import { ritualServices } from '../src/rituals/library.js';
import { RITUAL_KINDS, kindLabel, type RitualKind, type Schedule } from '../src/rituals/model.js';
import { brokenBecause, unix } from '../src/rituals/notices.js';
import { composePost } from '../src/rituals/post.js';
import { peekNext } from '../src/rituals/rotation.js';
import type { DeliveryReport } from '../src/rituals/runtime.js';
import { RITUALS } from '../src/rituals/feature.js';
import {
  createSchedule,
  deleteSchedule,
  editSchedule,
  findSchedule,
  listSchedules,
  pauseSchedule,
  resumeSchedule,
  type ScheduleChanges,
} from '../src/rituals/schedules.js';
import { suggestTimeZones } from '../src/rituals/time-zones.js';
import { findGuildSettings } from '../src/guilds/guild-settings.js';

const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
const MAX_CATCH_UP_HOURS = 48;

const confirmDelete = customId('ritual', 'delete', 1, [z.string().regex(/^\d{1,15}$/).transform(Number)]);
const keepRitual = customId('ritual', 'keep', 1, []);

// ---- options ----------------------------------------------------------------------------------

const ritualOption = (option: SlashCommandIntegerOption) =>
  option.setName('ritual').setDescription('Which ritual (start typing to choose)').setRequired(true).setMinValue(1).setAutocomplete(true);

const withRitual = (name: string, description: string) => (sub: SlashCommandSubcommandBuilder) =>
  sub.setName(name).setDescription(description).addIntegerOption(ritualOption);

function guildOf(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) throw new UserFacingError('Rituals belong to a server: please use this in the server whose rituals you mean.');
  return interaction.guildId;
}

async function scheduleFrom(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Schedule> {
  const id = interaction.options.getInteger('ritual', true);
  const schedule = await findSchedule(ctx.db, guildOf(interaction), id);
  if (schedule === undefined) throw new UserFacingError(explainProblem({ kind: 'unknown-ritual', id }));
  return schedule;
}

function summary(schedule: Schedule, ctx: BotContext, heading: string) {
  return { content: heading, embeds: [{ fields: [scheduleField(schedule, ctx.clock.now())] }] };
}

/** The catch-up window option, when given, in the minutes the service takes. */
function catchUp(interaction: ChatInputCommandInteraction): { catchUpMinutes: number } | Record<string, never> {
  const hours = interaction.options.getInteger('catch_up_hours');
  return hours === null ? {} : { catchUpMinutes: hours * 60 };
}

// ---- delivering on request ----------------------------------------------------------------------

function reportText(report: DeliveryReport, schedule: Schedule): string {
  switch (report.kind) {
    case 'posted':
      return `Done! It's up in <#${report.channelId}>.`;
    case 'retrying':
      return `Discord didn't take it just now (${report.detail}). I'll try again by myself <t:${unix(report.at)}:R>.`;
    case 'failed':
      return `I couldn't post it: ${report.detail}. \`/ritual retry ritual:${schedule.id}\` tries again.`;
    case 'paused':
      return `I couldn't post in <#${schedule.channelId}>, so I've paused this ritual: ${brokenBecause(report.reason)}.`;
    case 'not-claimed':
      return 'That one was already taken care of.';
  }
}

async function deliverAndReport(interaction: ChatInputCommandInteraction, ctx: BotContext, schedule: Schedule, occurrenceId: number): Promise<void> {
  const rituals = ctx.features.get(RITUALS)?.running();
  if (rituals === undefined) {
    await replyPrivately(interaction, "I've queued it; it goes out as soon as the ritual scheduler next runs.");
    return;
  }
  // Posting may wait on Discord's rate limits: "thinking…" until it's done.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await replyPrivately(interaction, reportText(await rituals.deliver(occurrenceId), schedule));
}

// ---- subcommands ----------------------------------------------------------------------------------

const create: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const guildId = guildOf(interaction);
    const channel = interaction.options.getChannel('channel', true, [...POSTABLE_CHANNELS]);
    const schedule = valueOrExplain(
      await createSchedule(ritualServices(ctx), guildId, interaction.user.id, {
        kind: interaction.options.getString('kind', true) as RitualKind,
        channelId: channel.id,
        cron: interaction.options.getString('cron', true),
        timeZone: interaction.options.getString('timezone', true),
        openThread: interaction.options.getBoolean('thread') ?? false,
        promptText: interaction.options.getString('text'),
        ...catchUp(interaction),
      }),
    );
    await replyPrivately(interaction, summary(schedule, ctx, `All set! Ritual #${schedule.id} will post a ${kindLabel(schedule.kind)} ${cadence(schedule)}.`));
  },
};

const list: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedules = await listSchedules(ctx.db, guildOf(interaction));
    if (schedules.length === 0) {
      await replyPrivately(interaction, 'No rituals here yet. `/ritual create` sets one up, for example a poem every Monday at 9:00.');
      return;
    }
    const now = ctx.clock.now();
    // An embed holds 25 fields and 6000 characters in all: stop before either.
    const fields: APIEmbedField[] = [];
    let length = 0;
    const shown = schedules.slice(0, 25);
    const histories = await historyOf(ctx.db, shown.map((schedule) => schedule.id), now);
    for (const schedule of shown) {
      const field = scheduleField(schedule, now, histories.get(schedule.id));
      length += field.name.length + field.value.length;
      if (length > 5500) break;
      fields.push(field);
    }
    const settings = await findGuildSettings(ctx.db, guildOf(interaction));
    const notes = [
      schedules.length > fields.length ? `Showing the first ${fields.length} of ${schedules.length}.` : null,
      settings?.log_channel_id ? null : 'Problems with rituals show up here, as no log channel is set for this server.',
    ].filter((note): note is string => note !== null);
    await replyPrivately(interaction, { content: notes.join('\n') || undefined, embeds: [{ title: "This server's rituals", fields }] });
  },
};

const edit: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const channel = interaction.options.getChannel('channel', false, [...POSTABLE_CHANNELS]);
    const changes: ScheduleChanges = {
      ...(channel === null ? {} : { channelId: channel.id }),
      ...(interaction.options.getString('cron') === null ? {} : { cron: interaction.options.getString('cron', true) }),
      ...(interaction.options.getString('timezone') === null ? {} : { timeZone: interaction.options.getString('timezone', true) }),
      ...(interaction.options.getBoolean('thread') === null ? {} : { openThread: interaction.options.getBoolean('thread', true) }),
      ...(interaction.options.getString('text') === null ? {} : { promptText: interaction.options.getString('text', true) }),
      ...catchUp(interaction),
    };
    if (Object.keys(changes).length === 0) throw new UserFacingError('Tell me what to change: pick at least one option, such as `cron` or `channel`.');
    const updated = valueOrExplain(await editSchedule(ritualServices(ctx), schedule.guildId, schedule.id, changes));
    await replyPrivately(interaction, summary(updated, ctx, `Updated ritual #${updated.id}.`));
  },
};

const pause: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    valueOrExplain(await pauseSchedule(ctx, schedule.guildId, schedule.id));
    await replyPrivately(interaction, `Paused ritual #${schedule.id}. Nothing will post until you \`/ritual resume ritual:${schedule.id}\`.`);
  },
};

const resume: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const resumed = valueOrExplain(await resumeSchedule(ctx, schedule.guildId, schedule.id));
    await replyPrivately(interaction, summary(resumed, ctx, `Welcome back! Ritual #${resumed.id} is running again, from now on.`));
  },
};

const remove: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(confirmDelete.encode(schedule.id)).setLabel('Delete it').setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(keepRitual.encode()).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
    );
    await replyPrivately(interaction, {
      content: `Delete ritual #${schedule.id}, the ${kindLabel(schedule.kind)} in <#${schedule.channelId}>? Posts already made stay; its schedule and history go.`,
      components: [buttons],
    });
  },
};

const preview: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const now = ctx.clock.now();
    const [next] = upcomingRuns(schedule, now, 1);
    const entry = schedule.kind === 'prompt' ? undefined : await peekNext(ctx.db, { id: schedule.id, guildId: schedule.guildId, kind: schedule.kind });
    const composed = composePost(schedule, { id: null, at: next ?? now }, entry);
    if (!composed.ok) throw new UserFacingError(explainProblem({ kind: 'empty-library', library: schedule.kind === 'podcast' ? 'podcast' : 'poem' }));
    const { post } = composed;
    const when = next === undefined ? 'when it runs' : runLine(next, schedule.timeZone);
    const thread = post.thread === null ? '' : `\nIt opens a thread, “${post.thread.name}”${post.thread.opening?.content ? `, starting with:\n>>> ${post.thread.opening.content}` : '.'}`;
    await replyPrivately(interaction, {
      content: `Here's the next post (${when}) as it will look:${thread}`,
      embeds: post.message.embeds ?? [],
      components: post.message.components ?? [],
    });
  },
};

const runNow: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const occurrenceId = valueOrExplain(await claimNow(ctx, schedule));
    await deliverAndReport(interaction, ctx, schedule, occurrenceId);
  },
};

const skip: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const skipped = valueOrExplain(await skipNext(ctx, schedule));
    const history = (await historyOf(ctx.db, [schedule.id], ctx.clock.now())).get(schedule.id);
    const [after] = upcomingRuns(schedule, ctx.clock.now(), 1, history?.skippedAhead);
    const then = after === undefined ? '' : ` The one after that is ${runLine(after, schedule.timeZone)}.`;
    await replyPrivately(interaction, `Okay, I'll skip the post due ${runLine(skipped, schedule.timeZone)}.${then}`);
  },
};

const retry: CommandAction = {
  access: 'moderators',
  scope: 'anywhere',
  async run(interaction, ctx) {
    const schedule = await scheduleFrom(interaction, ctx);
    const occurrence = valueOrExplain(await retryLatestFailed(ctx, schedule));
    await deliverAndReport(interaction, ctx, schedule, occurrence.id);
  },
};

// ---- the command ---------------------------------------------------------------------------------

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
        .addBooleanOption((o) => o.setName('thread').setDescription('Open a discussion thread on each post (default: no)'))
        .addStringOption((o) => o.setName('text').setDescription('For a prompt: the words to post').setMaxLength(2000))
        .addIntegerOption((o) =>
          o.setName('catch_up_hours').setDescription('If I was offline when it was due, still post up to this many hours late (default 6)').setMinValue(0).setMaxValue(MAX_CATCH_UP_HOURS),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription("This server's rituals, their next runs and any problems"))
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
  subcommands: { create, list, edit, pause, resume, delete: remove, preview, 'run-now': runNow, 'skip-next': skip, retry },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (!interaction.inGuild()) {
      await interaction.respond([]);
      return;
    }
    if (focused.name === 'timezone') {
      const settings = await findGuildSettings(ctx.db, interaction.guildId);
      const preferred = settings && settings.time_zone !== 'UTC' ? settings.time_zone : undefined;
      await interaction.respond(suggestTimeZones(String(focused.value), preferred).map((zone) => ({ name: zone, value: zone })));
      return;
    }
    if (focused.name === 'ritual') {
      const typed = String(focused.value).toLowerCase().replace(/^#/, '');
      const schedules = await listSchedules(ctx.db, interaction.guildId);
      const choices = schedules.map((schedule) => {
        const channel = interaction.guild?.channels.cache.get(schedule.channelId)?.name ?? 'a channel';
        const state = schedule.status.state === 'paused' ? ' (paused)' : '';
        return { name: `#${schedule.id} ${kindLabel(schedule.kind)} in #${channel}, ${cadence(schedule)}${state}`.slice(0, 100), value: schedule.id };
      });
      await interaction.respond(choices.filter((choice) => choice.name.toLowerCase().includes(typed)).slice(0, 25));
      return;
    }
    await interaction.respond([]);
  },
  components: [
    defineComponent({
      kind: 'button',
      spec: confirmDelete,
      scope: 'anywhere',
      access: 'moderators',
      async run(interaction, [id], ctx) {
        if (!interaction.inGuild()) throw new UserFacingError('This button only works in a server.');
        const deleted = valueOrExplain(await deleteSchedule(ctx.db, interaction.guildId, id));
        await interaction.update({ content: `Deleted ritual #${deleted.id}. Its past posts stay in <#${deleted.channelId}>.`, components: [] });
      },
    }),
    defineComponent({
      kind: 'button',
      spec: keepRitual,
      scope: 'anywhere',
      access: 'moderators',
      async run(interaction) {
        await interaction.update({ content: 'Kept it; nothing changed.', components: [] });
      },
    }),
  ],
});

