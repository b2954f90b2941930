import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { findGuildSettings } from '../../guilds/guild-settings.js';
import type { BotContext } from '../../context.js';
import type { ServerCommand } from '../../interactions/handlers.js';
import { replyPrivately } from '../../interactions/replies.js';
import { memberNames } from '../../presentation/member-names.js';
import { inlineText } from '../../presentation/inline-text.js';
import { attachmentUrl, drawPictures } from '../../presentation/pictures.js';
import { checkRetirable, findCourse, openCourses } from '../catalog.js';
import { setCourseChannel } from '../channels.js';
import { downloadCourseFile } from '../download.js';
import { canComplete, countEnrolled, drop, enrol, memberCourses, openLesson } from '../enrolments.js';
import { checkImportAttachment, importCourseText, importServices } from '../imports.js';
import { catalogFor, courseNamed, memberCourse } from '../lookup.js';
import { planNudges } from '../nudges.js';
import { progressOf } from '../progress.js';
import { courseReport, DEFAULT_IDLE_DAYS, summarizeReport } from '../report.js';
import { weeklyStreak } from '../streak.js';
import { courseListEmbed, lessonReply, progressCards, progressEmbed, type ProgressItem } from './course-view.js';
import { courseIds } from './custom-ids.js';
import { explainCourseProblem } from './explain.js';
import { channelSetMessage, importedMessage, nudgeMessage, reportMessage } from './moderator-messages.js';
import { sendNudges } from './nudge-delivery.js';
import { reflectionModal } from './reflection-modal.js';
import { reportCsv } from './report-csv.js';
import { courseVoice, voiceOf } from './voice.js';
import { serverReader } from '../../guilds/server-language.js';

/**
 * The handlers of `/course`, one a subcommand. Every one is `scope: 'server'` (each server keeps
 * its own courses and progress), so the router has already answered a DM.
 */

export async function listCourses(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read } = await voiceOf(interaction, ctx);
  const [catalog, mine] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, interaction.user.id)]);
  const joined = new Set(mine.enrolments.map((e) => e.courseId));
  // In the reader's own alphabet: the order follows the titles they see.
  const open = openCourses(catalog)
    .map((entry) => ({ ...entry, course: read(entry.course) }))
    .sort((a, b) => a.course.title.localeCompare(b.course.title, t.language));
  if (open.length === 0) {
    await replyPrivately(interaction, { content: t('list.none') });
    return;
  }
  const listed = open.map((entry) => ({
    entry,
    progress: joined.has(entry.course.id) ? progressOf(entry.course, mine.completions.get(entry.course.id) ?? []) : undefined,
  }));
  await replyPrivately(interaction, { embeds: [courseListEmbed(t, listed)] });
}

export async function enrollInCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, readProtocols, orExplain } = await voiceOf(interaction, ctx);
  const entry = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const { course } = entry;
  const progress = orExplain(await enrol(ctx, guildId, interaction.user.id, entry));
  const shown = read(course);
  const title = inlineText(shown.title);
  const intro =
    progress.done === 0
      ? t('enroll.welcome', { course: title })
      : t('enroll.welcome-back', { course: title, done: progress.done, unit: course.unit, total: progress.total });
  const view = orExplain(await openLesson(ctx, guildId, interaction.user.id, course, undefined));
  await interaction.reply(lessonReply(t, shown, view, readProtocols(ctx.content.protocols), intro));
}

export async function showLesson(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, readProtocols, orExplain } = await voiceOf(interaction, ctx);
  const { course } = orExplain(await memberCourse(ctx, guildId, interaction.user.id, interaction.options.getString('course'))).entry;
  const view = orExplain(await openLesson(ctx, guildId, interaction.user.id, course, interaction.options.getString('lesson') ?? undefined));
  await interaction.reply(lessonReply(t, read(course), view, readProtocols(ctx.content.protocols)));
}

/** Opens the reflection form for the lesson named, or the member's next one. */
export async function completeLessonCommand(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const userId = interaction.user.id;
  const { t, readLesson, orExplain } = await voiceOf(interaction, ctx);
  const { course } = orExplain(await memberCourse(ctx, guildId, userId, interaction.options.getString('course'))).entry;
  const { lesson } = orExplain(await canComplete(ctx.db, guildId, userId, course, interaction.options.getString('lesson') ?? undefined));
  await interaction.showModal(reflectionModal(t, course.id, readLesson(lesson)));
}

export async function showProgress(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, reader } = await voiceOf(interaction, ctx);
  const [catalog, mine, settings] = await Promise.all([catalogFor(ctx, guildId), memberCourses(ctx.db, guildId, interaction.user.id), findGuildSettings(ctx.db, guildId)]);
  const now = ctx.clock.now();
  const items: ProgressItem[] = mine.enrolments.flatMap((enrolment) => {
    const entry = catalog.entries.get(enrolment.courseId);
    if (entry === undefined) return [];
    const completions = mine.completions.get(entry.course.id) ?? [];
    const streak = weeklyStreak(completions.map((completion) => completion.completedAt), now, settings?.time_zone ?? 'UTC');
    return [{ entry: { ...entry, course: read(entry.course) }, progress: progressOf(entry.course, completions), streak }];
  });
  if (items.length === 0) {
    await replyPrivately(interaction, { content: explainCourseProblem({ kind: 'no-courses' }, reader) });
    return;
  }
  const embed = progressEmbed(t, items);
  const drawn = await drawPictures(ctx, (measure) => progressCards(t, items, now, measure));
  // One course: its card sits in the embed. More: the cards come as a gallery above it.
  const [only] = drawn.files;
  if (only !== undefined && drawn.files.length === 1) embed.setImage(attachmentUrl(only));
  await replyPrivately(interaction, { embeds: [embed], files: drawn.files, ...(drawn.ok ? {} : { content: drawn.note }) });
}

export async function dropCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, orExplain } = await voiceOf(interaction, ctx);
  const { course } = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const progress = orExplain(await drop(ctx, guildId, interaction.user.id, course));
  const title = inlineText(read(course).title);
  const content = progress.done === 0 ? t('drop.left', { course: title }) : t('drop.left-kept', { course: title, unit: course.unit, done: progress.done });
  await replyPrivately(interaction, { content });
}

/** Validates an attached course file like `data/courses/`, and stores it for this server. */
export async function importCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const file = interaction.options.getAttachment('file', true);
  const { t, read, orExplain } = await voiceOf(interaction, ctx);
  orExplain(checkImportAttachment(file));
  // Downloading can take longer than Discord's three seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const text = orExplain(await downloadCourseFile(file.url, file.name));
  const { imported, enrolled } = orExplain(await importCourseText(importServices(ctx), guildId, file.name, text));
  ctx.logger.info({ guild: guildId, course: imported.course.id, by: interaction.user.id, replaced: imported.previous !== undefined }, 'a course was imported');
  await interaction.editReply({ content: importedMessage(t, read, imported, enrolled) });
}

export async function retireCourseCommand(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, orExplain } = await voiceOf(interaction, ctx);
  const course = orExplain(checkRetirable(orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)))));
  const enrolled = await countEnrolled(ctx.db, guildId, course.id);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(courseIds.retire.encode(course.id)).setLabel(t('retire.confirm-button')).setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(courseIds.cancel.encode(course.id)).setLabel(t('retire.keep-button')).setStyle(ButtonStyle.Secondary),
  );
  await interaction.reply({
    content: t('retire.question', { course: inlineText(read(course).title), enrolled }),
    components: [buttons],
    flags: MessageFlags.Ephemeral,
  });
}

export async function reportCourse(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, orExplain } = await voiceOf(interaction, ctx);
  const { course } = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const idleDays = interaction.options.getInteger('idle_days') ?? DEFAULT_IDLE_DAYS;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const rows = await courseReport(ctx.db, guildId, course);
  if (rows.length === 0) {
    await interaction.editReply({ content: reportMessage(t, read(course), undefined) });
    return;
  }
  const now = ctx.clock.now();
  const names = await memberNames(interaction.guild, rows.map((row) => row.userId), ctx.logger);
  const file = new AttachmentBuilder(Buffer.from(reportCsv(t, rows, names)), { name: t('report.filename', { course: course.id, date: now.toISOString().slice(0, 10) }) });
  await interaction.editReply({ content: reportMessage(t, read(course), summarizeReport(rows, now, idleDays)), files: [file] });
}

export async function nudgeIdleMembers(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const idleDays = interaction.options.getInteger('days', true);
  const courseQuery = interaction.options.getString('course');
  const { t, orExplain } = await voiceOf(interaction, ctx);
  // DMs go out one by one; that can take longer than Discord's three seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const catalog = await catalogFor(ctx, guildId);
  const only = courseQuery === null ? undefined : orExplain(findCourse(catalog, courseQuery));
  const plan = await planNudges(ctx, guildId, catalog, { idleDays, ...(only === undefined ? {} : { courseId: only.course.id }) });
  // The bot starts these DMs, so they speak the server's language: Discord tells a member's only on their own interactions.
  const dmVoice = courseVoice(await serverReader(ctx.db, guildId, interaction.guild?.preferredLocale));
  const serverName = interaction.guild?.name ?? dmVoice.t('nudge.our-community');
  const tally = await sendNudges(ctx, { client: interaction.client, guildId, serverName, voice: dmVoice, idleDays, recentlyNudged: plan.recentlyNudged }, plan.due);
  await interaction.editReply({ content: nudgeMessage(t, tally) });
}

export async function setChannel(interaction: ServerCommand, ctx: BotContext): Promise<void> {
  const { guildId } = interaction;
  const { t, read, orExplain } = await voiceOf(interaction, ctx);
  const { course } = orExplain(await courseNamed(ctx, guildId, interaction.options.getString('course', true)));
  const channel = interaction.options.getChannel('channel', true);
  await setCourseChannel(ctx, guildId, course.id, channel.id);
  // Checked now so the moderator can fix it, rather than members finding out when sharing fails.
  const target = interaction.guild?.channels.cache.get(channel.id);
  const me = interaction.guild?.members.me;
  const canPost = target === undefined || me == null || target.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]);
  await interaction.reply({ content: channelSetMessage(t, read(course), channel.id, canPost), flags: MessageFlags.Ephemeral });
}
