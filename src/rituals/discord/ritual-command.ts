import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  MessageFlags,
  type APIEmbedField,
  type AutocompleteInteraction,
  type Guild,
  time,
  TimestampStyles,
} from 'discord.js';
import type { BotContext } from '../../context.js';
import { findGuildSettings } from '../../guilds/guild-settings.js';
import { serverReader } from '../../guilds/server-language.js';
import type { Reader } from '../../i18n/locales.js';
import type { InServer, Run, ServerCommand } from '../../interactions/handlers.js';
import { readerOf } from '../../interactions/reader.js';
import { replyPrivately } from '../../interactions/replies.js';
import { EMBED_LIMITS } from '../../presentation/embed-fit.js';
import { attachmentUrl, drawPictures } from '../../presentation/pictures.js';
import { claimNow, historyOf, recentRuns, retryLatestFailed, skipNext } from '../ledger.js';
import { localizeEntry } from '../content.js';
import { ritualServices } from '../library.js';
import type { RitualKind, Schedule } from '../model.js';
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
import { ENGLISH_RITUALS, ritualMessages, type RitualsT } from './messages.js';
import { brokenBecause, kindWord } from './notices.js';
import { composePost } from './post-view.js';
import type { DeliveryReport } from './runtime.js';
import { historyEmbed, historyPicture, HISTORY_RUNS } from './history-view.js';
import { cadence, createdText, runLine, scheduleField } from './schedule-view.js';

/**
 * The handlers of `/ritual`; the command's definition is commands/ritual.ts. Every answer is private,
 * in the moderator's language; a preview shows the post as members will read it, in the server's.
 */

export const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
export const MAX_CATCH_UP_HOURS = 48;

type Handler = Run<ServerCommand>;

/** Who reads a reply: the moderator, and their translator. */
interface Replying {
  readonly reader: Reader;
  readonly t: RitualsT;
}

async function replying(interaction: ServerCommand, ctx: BotContext): Promise<Replying> {
  const reader = await readerOf(interaction, ctx);
  return { reader, t: ritualMessages.for(reader) };
}

/** The ritual a moderator picked in the `ritual` option, in this server. */
async function scheduleFrom(interaction: ServerCommand, ctx: BotContext, { reader }: Replying): Promise<Schedule> {
  return orExplain(reader)(await scheduleIn(ctx.db, interaction.guildId, interaction.options.getInteger('ritual', true)));
}

/** The Guild object of a server command, from the cache or Discord. */
async function serverOf(interaction: ServerCommand): Promise<Guild> {
  return interaction.guild ?? interaction.client.guilds.fetch(interaction.guildId);
}

function summary(t: RitualsT, schedule: Schedule, ctx: BotContext, heading: string) {
  return { content: heading, embeds: [{ fields: [scheduleField(t, schedule, ctx.clock.now())] }] };
}

/** The catch-up window option, when given, in the minutes the service takes. */
function catchUp(interaction: ServerCommand): { catchUpMinutes: number } | Record<string, never> {
  const hours = interaction.options.getInteger('catch_up_hours');
  return hours === null ? {} : { catchUpMinutes: hours * 60 };
}

// ---- delivering on request ----------------------------------------------------------------------

/** What happened to a post made on request; the dashboard's run-now and retry say the same, in English. */
export function reportText(report: DeliveryReport, schedule: Schedule, t: RitualsT = ENGLISH_RITUALS): string {
  switch (report.kind) {
    case 'posted':
      return t('report.posted', { channel: report.channelId });
    case 'retrying':
      return t('report.retrying', { detail: report.detail, when: time(report.at, TimestampStyles.RelativeTime) });
    case 'failed':
      return t('report.failed', { detail: report.detail, id: String(schedule.id) });
    case 'paused':
      return t('report.paused', { channel: schedule.channelId, because: brokenBecause(report.reason, t) });
    case 'not-claimed':
      return t('report.not-claimed');
  }
}

export const QUEUED_TEXT = ENGLISH_RITUALS('report.queued');

async function deliverAndReport(interaction: ServerCommand, ctx: BotContext, { t }: Replying, schedule: Schedule, occurrenceId: number): Promise<void> {
  const rituals = ctx.features.get(RITUALS)?.running();
  if (rituals === undefined) {
    await replyPrivately(interaction, t('report.queued'));
    return;
  }
  // Posting may wait on Discord's rate limits: "thinking…" until it's done.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await replyPrivately(interaction, reportText(await rituals.deliver(occurrenceId), schedule, t));
}

// ---- subcommands ----------------------------------------------------------------------------------

export const create: Handler = async (interaction, ctx) => {
  const { reader, t } = await replying(interaction, ctx);
  const channel = interaction.options.getChannel('channel', true, [...POSTABLE_CHANNELS]);
  const schedule = orExplain(reader)(
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
  // Members never see the tip: how moderators steer what the club listens to.
  const heading = [createdText(schedule, t), ...(schedule.kind === 'podcast' ? [t('create.podcast-tip')] : [])].join('\n');
  await replyPrivately(interaction, summary(t, schedule, ctx, heading));
};

export const list: Handler = async (interaction, ctx) => {
  const { t } = await replying(interaction, ctx);
  const schedules = await listSchedules(ctx.db, interaction.guildId);
  if (schedules.length === 0) {
    await replyPrivately(interaction, t('list.empty'));
    return;
  }
  const now = ctx.clock.now();
  // An embed holds 25 fields and 6000 characters in all: stop before either.
  const fields: APIEmbedField[] = [];
  let length = 0;
  const shown = schedules.slice(0, 25);
  const histories = await historyOf(ctx.db, shown.map((schedule) => schedule.id), now);
  for (const schedule of shown) {
    const field = scheduleField(t, schedule, now, histories.get(schedule.id));
    length += field.name.length + field.value.length;
    if (length > 5500) break;
    fields.push(field);
  }
  const settings = await findGuildSettings(ctx.db, interaction.guildId);
  const notes = [
    schedules.length > fields.length ? t('list.showing-first', { shown: fields.length, total: schedules.length }) : null,
    settings?.log_channel_id ? null : t('list.no-log-channel'),
  ].filter((note): note is string => note !== null);
  await replyPrivately(interaction, { content: notes.join('\n') || undefined, embeds: [{ title: t('list.title'), fields }] });
};

export const history: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const { t } = replyTo;
  const chosen = interaction.options.getInteger('ritual');
  const schedules = chosen === null ? await listSchedules(ctx.db, interaction.guildId) : [await scheduleFrom(interaction, ctx, replyTo)];
  if (schedules.length === 0) {
    await replyPrivately(interaction, t('history.empty'));
    return;
  }
  const shown = schedules.slice(0, EMBED_LIMITS.fields);
  const runs = await recentRuns(ctx.db, shown, ctx.clock.now(), HISTORY_RUNS);
  const rows = shown.map((schedule) => ({
    schedule,
    runs: runs.get(schedule.id) ?? [],
    channelName: interaction.guild?.channels.cache.get(schedule.channelId)?.name,
  }));
  const embed = historyEmbed(t, rows, schedules.length);
  const drawn = await drawPictures(ctx, (measure) => historyPicture(t, rows, measure), replyTo.reader);
  const [picture] = drawn.files;
  await replyPrivately(interaction, {
    ...(drawn.ok ? {} : { content: drawn.note }),
    embeds: [picture === undefined ? embed : { ...embed, image: { url: attachmentUrl(picture) } }],
    files: drawn.files,
  });
};

export const edit: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const { reader, t } = replyTo;
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
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
  const updated = orExplain(reader)(await editSchedule(ritualServices(ctx), schedule.guildId, schedule.id, changes));
  await replyPrivately(interaction, summary(t, updated, ctx, t('edit.done', { id: String(updated.id) })));
};

export const pause: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  orExplain(replyTo.reader)(await pauseSchedule(ctx, schedule.guildId, schedule.id));
  await replyPrivately(interaction, replyTo.t('pause.done', { id: String(schedule.id) }));
};

export const resume: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const { reader, t } = replyTo;
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  // Only a paused ritual is checked: resuming a running one is its own kind answer.
  if (schedule.status.state === 'paused') orExplain(reader)(await checkCanPost(await serverOf(interaction), schedule));
  const resumed = orExplain(reader)(await resumeSchedule(ctx, schedule.guildId, schedule.id));
  await replyPrivately(interaction, summary(t, resumed, ctx, t('resume.done', { id: String(resumed.id) })));
};

export const remove: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const { t } = replyTo;
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(confirmDelete.encode(schedule.id)).setLabel(t('delete.yes')).setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(keepRitual.encode()).setLabel(t('delete.no')).setStyle(ButtonStyle.Secondary),
  );
  await replyPrivately(interaction, {
    content: t('delete.ask', { id: String(schedule.id), kind: kindWord(t, schedule.kind), channel: schedule.channelId }),
    components: [buttons],
  });
};

export const preview: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const { reader, t } = replyTo;
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  const now = ctx.clock.now();
  const [next] = upcomingRuns(schedule, now, 1);
  const entry = schedule.kind === 'prompt' ? undefined : await peekNext(ctx.db, { guildId: schedule.guildId, kind: schedule.kind });
  // The post as members will see it: in the server's language, around the moderator's words.
  const everyone = await serverReader(ctx.db, interaction.guildId, interaction.guild?.preferredLocale);
  const post = orExplain(reader)(composePost(ritualMessages.for(everyone), schedule, { id: null, at: next ?? now }, entry && localizeEntry(entry, ctx.content.rituals, everyone)));
  const when = next === undefined ? t('preview.when-it-runs') : runLine(t, next, schedule.timeZone);
  const opening = post.thread?.opening?.content;
  const thread =
    post.thread === null ? [] : opening ? [t('preview.thread-opening', { name: post.thread.name }), `>>> ${opening}`] : [t('preview.thread', { name: post.thread.name })];
  await replyPrivately(interaction, {
    content: [t('preview.heading', { when }), ...thread].join('\n'),
    embeds: post.message.embeds ?? [],
    components: post.message.components ?? [],
  });
};

export const runNow: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  await deliverAndReport(interaction, ctx, replyTo, schedule, orExplain(replyTo.reader)(await claimNow(ctx, schedule)));
};

export const skip: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const { reader, t } = replyTo;
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  const skipped = orExplain(reader)(await skipNext(ctx, schedule));
  const history = (await historyOf(ctx.db, [schedule.id], ctx.clock.now())).get(schedule.id);
  const [after] = upcomingRuns(schedule, ctx.clock.now(), 1, history?.skippedAhead);
  const due = runLine(t, skipped, schedule.timeZone);
  await replyPrivately(interaction, after === undefined ? t('skip.done', { due }) : t('skip.done-then', { due, next: runLine(t, after, schedule.timeZone) }));
};

export const retry: Handler = async (interaction, ctx) => {
  const replyTo = await replying(interaction, ctx);
  const schedule = await scheduleFrom(interaction, ctx, replyTo);
  await deliverAndReport(interaction, ctx, replyTo, schedule, orExplain(replyTo.reader)(await retryLatestFailed(ctx, schedule)).id);
};

// ---- autocomplete ---------------------------------------------------------------------------------

export async function autocomplete(interaction: AutocompleteInteraction<InServer>, ctx: BotContext): Promise<void> {
  const t = ritualMessages.for(await readerOf(interaction, ctx));
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
      const words = {
        id: String(schedule.id),
        kind: kindWord(t, schedule.kind),
        channel: interaction.guild?.channels.cache.get(schedule.channelId)?.name ?? t('autocomplete.a-channel'),
        cadence: cadence(schedule, t),
      };
      const name = schedule.status.state === 'paused' ? t('autocomplete.ritual-paused', words) : t('autocomplete.ritual', words);
      return { name: name.slice(0, 100), value: schedule.id };
    });
    await interaction.respond(choices.filter((choice) => choice.name.toLowerCase().includes(typed)).slice(0, 25));
    return;
  }
  await interaction.respond([]);
}
