import { messageLink, RESTJSONErrorCodes, Routes, type Client } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../../context.js';
import { reopenIfArchived } from '../../interactions/archived-thread.js';
import { isDiscordError } from '../../interactions/discord-errors.js';
import { attachmentUrl, drawPictures, type PictureFile } from '../../presentation/pictures.js';
import { recordStepMessage, recordSummaryMessage, type Finished, type Moved, type Stopped } from '../facilitation.js';
import { findRun, isOpen, type FinishedRun, type Run } from '../runs.js';
import { loadStepData } from '../step-data.js';
import { stepMessage, type ProtocolMessage, type StepMode } from './step-view.js';
import { buildSummary } from '../summary.js';
import { finishedNotice, summaryEmbed, summaryPictures } from './summary-view.js';
import type { Answer } from './timely-answer.js';
import { serverAudience } from './audience.js';

/**
 * Everything the protocols feature shows in Discord goes through here: the step messages it keeps
 * up to date, the summary, the notice in the parent channel, and archiving the thread. Nothing
 * here pings: mentions are rendered, `allowed_mentions` is empty on every message. All of it is
 * public, so it is written in the server's language, whoever's click led to it.
 */

export interface Io {
  readonly client: Client;
  readonly ctx: Pick<BotContext, 'db' | 'clock' | 'logger' | 'content' | 'pictures'>;
}

const NO_PINGS = { parse: [] };
const PostedMessage = z.object({ id: z.string() });

/**
 * A run's thread archives itself after a quiet spell (a long pause, a group that stopped halfway),
 * so before the bot edits or posts there it reopens the thread; finishing archives it again.
 */
const reopenRunThread = (io: Io, channelId: string) => reopenIfArchived(io.client, channelId, io.ctx.logger, 'Carrying on a protocol');

async function post(io: Io, channelId: string, body: Record<string, unknown>, files: readonly PictureFile[] = []): Promise<string> {
  await reopenRunThread(io, channelId);
  // Files go as multipart parts files[n], each described by attachments[n] (Discord's "Uploading Files").
  const uploads = files.length === 0 ? {} : { files: files.map((file) => ({ name: file.name, data: file.attachment, contentType: 'image/png' })) };
  const attachments = files.length === 0 ? {} : { attachments: files.map((file, id) => ({ id, filename: file.name, description: file.description })) };
  const posted = await io.client.rest.post(Routes.channelMessages(channelId), { body: { ...body, ...attachments, allowed_mentions: NO_PINGS }, ...uploads });
  return PostedMessage.parse(posted).id;
}

/** Changes a message: through the interaction's own answer when it came from that message, else by id. */
async function edit(io: Io, channelId: string, messageId: string, message: ProtocolMessage, answer?: Answer): Promise<void> {
  await reopenRunThread(io, channelId);
  if (answer?.messageId === messageId) {
    await answer.show(message);
    return;
  }
  await io.client.rest.patch(Routes.channelMessage(channelId, messageId), { body: { ...message, allowed_mentions: NO_PINGS } });
}

async function drawStep(io: Io, run: Run, step: number, mode: StepMode): Promise<ProtocolMessage | undefined> {
  const protocol = io.ctx.content.protocols.get(run.protocolId);
  if (protocol === undefined) return undefined;
  const { reader } = await serverAudience(io.client, io.ctx, run.guildId);
  return stepMessage(run, protocol, step, await loadStepData(io.ctx.db, run, protocol, step), mode, reader);
}

/** Posts the current step's message in the thread and remembers it (after a move, a start or a restart). */
export async function postCurrentStep(io: Io, runId: number): Promise<void> {
  const run = await findRun(io.ctx.db, runId);
  if (run === undefined || !isOpen(run)) return;
  const message = await drawStep(io, run, run.step, 'current');
  if (message === undefined) return;
  const id = await post(io, run.threadId, { ...message });
  if (await recordStepMessage(io.ctx, run.id, run.step, id)) return;
  // The run moved, finished or stopped while the message was on its way (a confirmation clicked meanwhile):
  // quiet the message so nobody presses buttons of a step that is over.
  const now = await findRun(io.ctx.db, run.id);
  const closed = now && (await drawStep(io, now, run.step, now.state === 'finished' || now.state === 'stopped' ? now.state : 'closed'));
  if (closed) await editQuietly(io, run.threadId, id, closed);
}

/**
 * Redraws the current step from the database, e.g. after someone added to it, as the answer to the
 * interaction when it came from the step's message. The interaction is answered either way.
 */
export async function showCurrentStep(io: Io, runId: number, answer?: Answer): Promise<void> {
  const run = await findRun(io.ctx.db, runId);
  const message = run && isOpen(run) && run.stepMessageId !== null ? await drawStep(io, run, run.step, 'current') : undefined;
  if (run === undefined || run.stepMessageId === null || message === undefined) {
    await answer?.acknowledge();
    return;
  }
  if (answer !== undefined && answer.messageId !== run.stepMessageId) await answer.acknowledge();
  try {
    await edit(io, run.threadId, run.stepMessageId, message, answer);
  } catch (error) {
    // Someone deleted the step's message: put the step back in the thread rather than lose it.
    if (!isDiscordError(error, RESTJSONErrorCodes.UnknownMessage)) throw error;
    await postCurrentStep(io, run.id);
  }
}

/** Closes the step message the group left, then posts the step it moved to. */
export async function showMove(io: Io, moved: Moved, answer?: Answer): Promise<void> {
  if (moved.leftMessageId !== null) {
    const closed = await drawStep(io, moved.run, moved.leftStep, 'closed');
    if (closed) await editQuietly(io, moved.run.threadId, moved.leftMessageId, closed, answer);
  }
  await answer?.acknowledge();
  await postCurrentStep(io, moved.run.id);
}

/** Closes the last step's message, posts the summary and archives the thread. */
export async function showFinish(io: Io, finished: Finished, answer?: Answer): Promise<void> {
  if (finished.lastStepMessageId !== null) {
    const closed = await drawStep(io, finished.run, finished.run.step, 'finished');
    if (closed) await editQuietly(io, finished.run.threadId, finished.lastStepMessageId, closed, answer);
  }
  await answer?.acknowledge();
  await postSummary(io, finished.run);
}

/**
 * A closed step's message is a courtesy: if it is gone, or its thread archived again before the edit
 * landed, the protocol carries on without it.
 */
async function editQuietly(io: Io, channelId: string, messageId: string, message: ProtocolMessage, answer?: Answer): Promise<void> {
  try {
    await edit(io, channelId, messageId, message, answer);
  } catch (error) {
    if (!isDiscordError(error, RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.InvalidActionOnArchivedThread)) throw error;
  }
}

/**
 * The summary in the thread, a linked notice in the parent channel, then the thread archived.
 * Safe to repeat soon after a crash: both posts carry a nonce Discord deduplicates on.
 */
export async function postSummary(io: Io, run: FinishedRun): Promise<void> {
  const protocol = io.ctx.content.protocols.get(run.protocolId);
  if (protocol === undefined) return;
  const { t, read, reader } = await serverAudience(io.client, io.ctx, run.guildId);
  const summary = await buildSummary(io.ctx.db, run, read(protocol));
  const embed = summaryEmbed(summary, t);
  const drawn = await drawPictures(io.ctx, (measure) => summaryPictures(summary, measure, t), reader);
  const [diagram] = drawn.files;
  const summaryId = await post(
    io,
    run.threadId,
    { embeds: [diagram === undefined ? embed : { ...embed, image: { url: attachmentUrl(diagram) } }], nonce: `ps-${run.id}`, enforce_nonce: true },
    drawn.files,
  );
  await recordSummaryMessage(io.ctx, run.id, summaryId);
  const link = messageLink(run.threadId, summaryId, run.guildId);
  try {
    await post(io, run.channelId, { content: finishedNotice(run, summary.protocol, link, t), embeds: [embed], nonce: `pn-${run.id}`, enforce_nonce: true });
  } catch (error) {
    // The parent channel may have closed to the bot since; the summary is safe in the thread.
    io.ctx.logger.warn({ err: error, run: run.id, channel: run.channelId }, 'could not post a protocol summary in its channel');
  }
  await archive(io, run);
}

/** Quiets the step the group was on, says in the thread who stopped it, and archives the thread. */
export async function showStop(io: Io, stopped: Stopped, stoppedBy: string): Promise<void> {
  const { run } = stopped;
  if (stopped.stepMessageId !== null) {
    const quiet = await drawStep(io, run, run.step, 'stopped');
    if (quiet) await editQuietly(io, run.threadId, stopped.stepMessageId, quiet);
  }
  const protocol = io.ctx.content.protocols.get(run.protocolId);
  const { t } = await serverAudience(io.client, io.ctx, run.guildId);
  const who = `<@${stoppedBy}>`;
  await post(io, run.threadId, {
    content: protocol ? t('stop.notice', { who, step: run.step + 1, total: protocol.steps.length }) : t('stop.notice-no-step', { who }),
    nonce: `pq-${run.id}`,
    enforce_nonce: true,
  });
  await archive(io, run);
}

/** A run that ended rests in an archived thread; it reopens if anyone writes there. */
async function archive(io: Io, run: Run): Promise<void> {
  try {
    await io.client.rest.patch(Routes.channel(run.threadId), { body: { archived: true } });
  } catch (error) {
    io.ctx.logger.warn({ err: error, run: run.id, thread: run.threadId }, 'could not archive a protocol thread that ended');
  }
}
