import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { BotContext } from '../../context.js';
import { isDiscordError } from '../../interactions/discord-errors.js';
import { UserFacingError } from '../../interactions/errors.js';
import { fail, succeed } from '../../outcome.js';
import { memberNames } from '../../presentation/member-names.js';
import { setCourseChannel } from '../channels.js';
import { countEnrolled } from '../enrolments.js';
import { checkImportAttachment, IMPORT_MAX_BYTES, saveImportedCourse, validateCourseFile, type ImportOutcome } from '../imports.js';
import { claimNudge, planNudges } from '../nudges.js';
import { courseReport, summarizeReport } from '../report.js';
import { findCourse } from '../catalog.js';
import { courseIds } from '../present/ids.js';
import { channelSetMessage, importedMessage, nudgeMessage, reportMessage, retireQuestion } from '../present/moderator-messages.js';
import { nudgeDm } from '../present/nudge-dm.js';
import { reportCsv } from '../present/report-csv.js';
import { catalogFor, courseNamed, guildIdOf, must } from './lookup.js';

/** How long a report calls a member "idle" when the moderator doesn't say. */
const DEFAULT_IDLE_DAYS = 14;
const DOWNLOAD_TIMEOUT_MS = 10_000;

async function download(url: string, filename: string): Promise<ImportOutcome<string>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return fail({ kind: 'unreadable', filename });
    const bytes = await response.arrayBuffer();
    // The attachment's declared size was checked already; this guards against it being wrong.
    if (bytes.byteLength > IMPORT_MAX_BYTES) return fail({ kind: 'too-large', size: bytes.byteLength, limit: IMPORT_MAX_BYTES });
    return succeed(new TextDecoder().decode(bytes));
  } catch {
    return fail({ kind: 'unreadable', filename });
  }
}

/** Validates an attached course file like `data/courses/`, and stores it for this server. */
export async function importCourse(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const file = interaction.options.getAttachment('file', true);
  must(checkImportAttachment(file));
  // Downloading can take longer than Discord's three seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const text = must(await download(file.url, file.name));
  const course = must(validateCourseFile(file.name, text, ctx.content.courses, ctx.content.protocols));
  const saved = await saveImportedCourse(ctx, guildId, course);
  const enrolled = saved.previous === undefined ? 0 : await countEnrolled(ctx.db, guildId, course.id);
  ctx.logger.info({ guild: guildId, course: course.id, by: interaction.user.id, replaced: saved.previous !== undefined }, 'a course was imported');
  await interaction.editReply({ content: importedMessage(saved, enrolled) });
}

export async function retireCourseCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const { course, retired } = await courseNamed(ctx, guildId, interaction.options.getString('course', true));
  if (retired) throw new UserFacingError(`**${course.title}** is already retired.`);
  const enrolled = await countEnrolled(ctx.db, guildId, course.id);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(courseIds.retire.encode(course.id)).setLabel('Retire it').setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(courseIds.cancel.encode()).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
  );
  await interaction.reply({
    content: retireQuestion(course, enrolled),
    components: [buttons],
    flags: MessageFlags.Ephemeral,
  });
}

export async function reportCourse(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const { course } = await courseNamed(ctx, guildId, interaction.options.getString('course', true));
  const idleDays = interaction.options.getInteger('idle_days') ?? DEFAULT_IDLE_DAYS;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const rows = await courseReport(ctx.db, guildId, course);
  if (rows.length === 0) {
    await interaction.editReply({ content: reportMessage(course, undefined) });
    return;
  }
  const now = ctx.clock.now();
  const names = await memberNames(interaction.guild, rows.map((row) => row.userId), ctx.logger);
  const file = new AttachmentBuilder(Buffer.from(reportCsv(rows, names)), { name: `course-report-${course.id}-${now.toISOString().slice(0, 10)}.csv` });
  await interaction.editReply({ content: reportMessage(course, summarizeReport(rows, now, idleDays)), files: [file] });
}

export async function nudgeIdleMembers(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const idleDays = interaction.options.getInteger('days', true);
  const courseQuery = interaction.options.getString('course');
  const catalog = await catalogFor(ctx, guildId);
  const only = courseQuery === null ? undefined : must(findCourse(catalog, courseQuery));
  // DMs go out one by one; that can take longer than Discord's three seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const plan = await planNudges(ctx, guildId, catalog, { idleDays, ...(only === undefined ? {} : { courseId: only.course.id }) });
  const serverName = interaction.guild?.name ?? 'our community';
  const tally = { idleDays, sent: 0, dmsClosed: 0, failed: 0, skipped: plan.recentlyNudged };
  for (const [userId, courses] of plan.due) {
    // Another moderator's nudge may have reached them since the plan was made.
    if (!(await claimNudge(ctx, guildId, userId))) {
      tally.skipped += 1;
      continue;
    }
    try {
      await interaction.client.users.send(userId, { content: nudgeDm(serverName, courses), allowedMentions: { parse: [] } });
      tally.sent += 1;
    } catch (error) {
      // The nudge stays recorded: trying again tomorrow would be the pestering the weekly limit prevents.
      if (isDiscordError(error, RESTJSONErrorCodes.CannotSendMessagesToThisUser)) {
        tally.dmsClosed += 1;
      } else {
        tally.failed += 1;
        ctx.logger.warn({ err: error, guild: guildId, user: userId }, 'could not send a course nudge');
      }
    }
  }
  await interaction.editReply({ content: nudgeMessage(tally) });
}

export async function setChannel(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildIdOf(interaction);
  const { course } = await courseNamed(ctx, guildId, interaction.options.getString('course', true));
  const channel = interaction.options.getChannel('channel', true);
  await setCourseChannel(ctx, guildId, course.id, channel.id);
  // Checked now so the moderator can fix it, rather than members finding out when sharing fails.
  const target = interaction.guild?.channels.cache.get(channel.id);
  const me = interaction.guild?.members.me;
  const canPost = target === undefined || me == null || target.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]);
  await interaction.reply({ content: channelSetMessage(course, channel.id, canPost), flags: MessageFlags.Ephemeral });
}
