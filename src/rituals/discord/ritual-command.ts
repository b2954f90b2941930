import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  MessageFlags,
  type APIEmbedField,
  type AutocompleteInteraction,
  type Guild,
} from 'discord.js';
import type { BotContext } from '../../context.js';
import { findGuildSettings } from '../../guilds/guild-settings.js';
import type { InServer, Run, ServerCommand } from '../../interactions/handlers.js';
import { replyPrivately } from '../../interactions/replies.js';
import { EMBED_LIMITS } from '../../presentation/embed-fit.js';
import { attachmentUrl, drawPictures } from '../../presentation/pictures.js';
import { claimNow, historyOf, recentRuns, retryLatestFailed, skipNext } from '../ledger.js';
import { ritualServices } from '../library.js';
import { kindLabel, type RitualKind, type Schedule } from '../model.js';
import { peekNext } from '../rotation.js';
import {
  createSchedule,
  editSchedule,
  listSchedules,
  pauseSchedule,
  resumeSchedule,
  scheduleIn,
  upcomingRuns,
  type ScheduleChanges,
} from '../schedules.js';
import { suggestTimeZones } from '../time-zones.js';
import { checkCanPost } from './channel-check.js';
import { confirmDelete, keepRitual } from './custom-ids.js';
import { orExplain } from './explain.js';
import { RITUALS } from './feature.js';
import { brokenBecause, unix } from './notices.js';
import { composePost } from './post-view.js';
import type { DeliveryReport } from './runtime.js';
import { historyEmbed, historyPicture, HISTORY_RUNS } from './history-view.js';
import { cadence, createdText, runLine, scheduleField } from './schedule-view.js';

/** The handlers of `/ritual`; the command's definition is commands/ritual.ts. */

export const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
export const MAX_CATCH_UP_HOURS = 48;

type Handler = Run<ServerCommand>;

/** The ritual a moderator picked in the `ritual` option, in this server. */
async function scheduleFrom(interaction: ServerCommand, ctx: BotContext): Promise<Schedule> {
  return orExplain(await scheduleIn(ctx.db, interaction.guildId, interaction.options.getInteger('ritual', true)));
}

/** The Guild object of a server command, from the cache or Discord. */
async function serverOf(interaction: ServerCommand): Promise<Guild> {
  return interaction.guild ?? interaction.client.guilds.fetch(interaction.guildId);
}

function summary(schedule: Schedule, ctx: BotContext, heading: string) {
  return { content: heading, embeds: [{ fields: [scheduleField(schedule, ctx.clock.now())] }] };
}

/** The catch-up window option, when given, in the minutes the service takes. */
function catchUp(interaction: ServerCommand): { catchUpMinutes: number } | Record<string, never> {
  const hours = interaction.options.getInteger('catch_up_hours');
  return hours === null ? {} : { catchUpMinutes: hours * 60 };
}

// ---- delivering on request ----------------------------------------------------------------------

/** What happened to a post made on request; the dashboard's run-now and retry say the same. */
export function reportText(report: DeliveryReport, schedule: Schedule): string {
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

export const QUEUED_TEXT = "I've queued it; it goes out as soon as the ritual scheduler next runs.";

async function deliverAndReport(interaction: ServerCommand, ctx: BotContext, schedule: Schedule, occurrenceId: number): Promise<void> {
  const rituals = ctx.features.get(RITUALS)?.running();
  if (rituals === undefined) {
    await replyPrivately(interaction, QUEUED_TEXT);
    return;
  }
  // Posting may wait on Discord's rate limits: "thinking…" until it's done.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await replyPrivately(interaction, reportText(await rituals.deliver(occurrenceId), schedule));
}

// ---- subcommands ----------------------------------------------------------------------------------

export const create: Handler = async (interaction, ctx) => {
  const channel = interaction.options.getChannel('channel', true, [...POSTABLE_CHANNELS]);
  const schedule = orExplain(
    await createSchedule(ritualServices(ctx), interaction.guildId, interaction.user.id, {
      kind: interaction.options.getString('kind', true) as RitualKind,
      channelId: channel.id,
      cron: interaction.options.getString('cron', true),
      timeZone: interaction.options.getString('timezone', true),
      openThread: interaction.options.getBoolean('thread') ?? undefined,
      promptText: interaction.options.getString('text'),
      ...catchUp(interaction),
    }),
  );
  const heading = createdText(schedule);
  // Members never see this: how moderators steer what the club listens to.
  const tip = schedule.kind === 'podcast' ? '\nTo choose a specific episode for the club, add it with `/podcast add`.' : '';
  await replyPrivately(interaction, summary(schedule, ctx, heading + tip));
};

export const list: Handler = async (interaction, ctx) => {
  const schedules = await listSchedules(ctx.db, interaction.guildId);
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
  const settings = await findGuildSettings(ctx.db, interaction.guildId);
  const notes = [
    schedules.length > fields.length ? `Showing the first ${fields.length} of ${schedules.length}.` : null,
    settings?.log_channel_id ? null : 'Problems with rituals show up here, as no log channel is set for this server.',
  ].filter((note): note is string => note !== null);
  await replyPrivately(interaction, { content: notes.join('\n') || undefined, embeds: [{ title: "This server's rituals", fields }] });
};

export const history: Handler = async (interaction, ctx) => {
  const chosen = interaction.options.getInteger('ritual');
  const schedules = chosen === null ? await listSchedules(ctx.db, interaction.guildId) : [await scheduleFrom(interaction, ctx)];
  if (schedules.length === 0) {
    await replyPrivately(interaction, 'No rituals here yet, so there is no history to show. `/ritual create` sets one up.');
    return;
  }
  const shown = schedules.slice(0, EMBED_LIMITS.fields);
  const runs = await recentRuns(ctx.db, shown, ctx.clock.now(), HISTORY_RUNS);
  const rows = shown.map((schedule) => ({
    schedule,
    runs: runs.get(schedule.id) ?? [],
    channelName: interaction.guild?.channels.cache.get(schedule.channelId)?.name,
  }));
  const embed = historyEmbed(rows, schedules.length);
  const drawn = await drawPictures(ctx, (measure) => historyPicture(rows, measure));
  const [picture] = drawn.files;
  await replyPrivately(interaction, {
    ...(drawn.ok ? {} : { content: drawn.note }),
    embeds: [picture === undefined ? embed : { ...embed, image: { url: attachmentUrl(picture) } }],
    files: drawn.files,
  });
};

export const edit: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  const { options } = interaction;
  const channel = options.getChannel('channel', false, [...POSTABLE_CHANNELS]);
  const cron = options.getString('cron');
  const timeZone = options.getString('timezone');
  const openThread = options.getBoolean('thread');
  const promptText = options.getString('text');
  const changes: ScheduleChanges = {
    ...(channel === null ? {} : { channelId: channel.id }),
    ...(cron === null ? {} : { cron }),
    ...(timeZone === null ? {} : { timeZone }),
    ...(openThread === null ? {} : { openThread }),
    ...(promptText === null ? {} : { promptText }),
    ...catchUp(interaction),
  };
  const updated = orExplain(await editSchedule(ritualServices(ctx), schedule.guildId, schedule.id, changes));
  await replyPrivately(interaction, summary(updated, ctx, `Updated ritual #${updated.id}.`));
};

export const pause: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  orExplain(await pauseSchedule(ctx, schedule.guildId, schedule.id));
  await replyPrivately(interaction, `Paused ritual #${schedule.id}. Nothing will post until you \`/ritual resume ritual:${schedule.id}\`.`);
};

export const resume: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  // Only a paused ritual is checked: resuming a running one is its own kind answer.
  if (schedule.status.state === 'paused') orExplain(await checkCanPost(await serverOf(interaction), schedule));
  const resumed = orExplain(await resumeSchedule(ctx, schedule.guildId, schedule.id));
  await replyPrivately(interaction, summary(resumed, ctx, `Welcome back! Ritual #${resumed.id} is running again, from now on.`));
};

export const remove: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(confirmDelete.encode(schedule.id)).setLabel('Delete it').setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(keepRitual.encode()).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
  );
  await replyPrivately(interaction, {
    content: `Delete ritual #${schedule.id}, the ${kindLabel(schedule.kind)} in <#${schedule.channelId}>? Posts already made stay; its schedule and history go.`,
    components: [buttons],
  });
};

export const preview: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  const now = ctx.clock.now();
  const [next] = upcomingRuns(schedule, now, 1);
  const entry = schedule.kind === 'prompt' ? undefined : await peekNext(ctx.db, { guildId: schedule.guildId, kind: schedule.kind });
  const post = orExplain(composePost(schedule, { id: null, at: next ?? now }, entry));
  const when = next === undefined ? 'when it runs' : runLine(next, schedule.timeZone);
  const thread = post.thread === null ? '' : `\nIt opens a thread, “${post.thread.name}”${post.thread.opening?.content ? `, starting with:\n>>> ${post.thread.opening.content}` : '.'}`;
  await replyPrivately(interaction, {
    content: `Here's the next post (${when}) as it will look:${thread}`,
    embeds: post.message.embeds ?? [],
    components: post.message.components ?? [],
  });
};

export const runNow: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  await deliverAndReport(interaction, ctx, schedule, orExplain(await claimNow(ctx, schedule)));
};

export const skip: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  const skipped = orExplain(await skipNext(ctx, schedule));
  const history = (await historyOf(ctx.db, [schedule.id], ctx.clock.now())).get(schedule.id);
  const [after] = upcomingRuns(schedule, ctx.clock.now(), 1, history?.skippedAhead);
  const then = after === undefined ? '' : ` The one after that is ${runLine(after, schedule.timeZone)}.`;
  await replyPrivately(interaction, `Okay, I'll skip the post due ${runLine(skipped, schedule.timeZone)}.${then}`);
};

export const retry: Handler = async (interaction, ctx) => {
  const schedule = await scheduleFrom(interaction, ctx);
  await deliverAndReport(interaction, ctx, schedule, orExplain(await retryLatestFailed(ctx, schedule)).id);
};

// ---- autocomplete ---------------------------------------------------------------------------------

export async function autocomplete(interaction: AutocompleteInteraction<InServer>, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
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
}
