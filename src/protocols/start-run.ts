import {
  ChannelType,
  DiscordAPIError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  ThreadAutoArchiveDuration,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import { UserFacingError } from '../interactions/errors.js';
import { recordRun, Topic, TOPIC_MAX_LENGTH, TOPIC_MIN_LENGTH } from './facilitation.js';
import type { Protocol } from './protocol-content.js';
import { serialize } from './run-queue.js';
import { oneLine } from './step-view.js';
import { postCurrentStep } from './thread-messages.js';
import { threadName } from './thread-name.js';

/** What the bot needs in a channel to run a protocol there: a thread of its own, with embeds. */
const NEEDED = [
  { bit: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { bit: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' },
  { bit: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Threads' },
  { bit: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

export const IN_A_SERVER =
  'Protocols run with your team in a server channel, in a thread of their own. In your team’s channel, type `/protocol start` and pick one.';
const NOT_IN_A_THREAD = 'A protocol opens a thread of its own, so please start it from a regular channel rather than inside a thread.';
const cannotOpenThreads = (missing: readonly string[]) =>
  `I can't open a protocol thread in this channel: I'm missing ${missing.map((m) => `**${m}**`).join(', ')} here. A moderator can give me ${missing.length === 1 ? 'it' : 'them'} in the channel's settings, or you can start the protocol in another channel.`;
const CANNOT_OPEN_THREADS = "I wasn't allowed to open a thread in this channel, so nothing was started. A moderator can check my permissions here (I need **Create Public Threads** and **Send Messages in Threads**), or you can start the protocol in another channel.";
const NOT_A_TEXT_CHANNEL = "I can't open threads in this kind of channel. Please start the protocol from a regular text channel.";
const BAD_TOPIC = `Please describe the problem in ${TOPIC_MIN_LENGTH} to ${TOPIC_MAX_LENGTH} characters; it becomes the thread's name.`;

const CreatedThread = z.object({ id: z.string() });

type StartingInteraction = ChatInputCommandInteraction | ModalSubmitInteraction;

/** Refuses early, before anyone types a topic or anything is written, when a protocol can't run here. */
export function assertCanStartHere(interaction: Pick<BaseInteraction, 'inGuild' | 'channel' | 'appPermissions'>): void {
  if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
  if (interaction.channel?.isThread()) throw new UserFacingError(NOT_IN_A_THREAD);
  const missing = NEEDED.filter(({ bit }) => !interaction.appPermissions.has(bit)).map(({ name }) => name);
  if (missing.length > 0) throw new UserFacingError(cannotOpenThreads(missing));
}

/**
 * Starts `protocol` in a new thread of the channel the interaction came from, with the member who
 * asked as its facilitator: the thread, then the run, then the first step, then a public line in
 * the channel inviting the team in. Nothing is written if Discord refuses the thread.
 */
export async function startProtocolHere(interaction: StartingInteraction, ctx: BotContext, protocol: Protocol, typedTopic: string): Promise<void> {
  assertCanStartHere(interaction);
  const topic = Topic.safeParse(typedTopic);
  if (!topic.success) throw new UserFacingError(BAD_TOPIC);
  const guildId = interaction.guildId;
  const channelId = interaction.channelId;
  if (guildId === null || channelId === null) throw new UserFacingError(IN_A_SERVER);

  await interaction.deferReply();
  let threadId: string;
  try {
    const created = await interaction.client.rest.post(Routes.threads(channelId), {
      body: { name: threadName(topic.data), type: ChannelType.PublicThread, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
    });
    threadId = CreatedThread.parse(created).id;
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      if (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess) throw new UserFacingError(CANNOT_OPEN_THREADS);
      if (error.code === RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType) throw new UserFacingError(NOT_A_TEXT_CHANNEL);
    }
    throw error;
  }

  const run = await recordRun(ctx, { guildId, channelId, threadId, protocol, topic: topic.data, facilitatorId: interaction.user.id });
  try {
    // So the thread shows in the facilitator's list; they can follow it without being pinged.
    await interaction.client.rest.put(Routes.threadMembers(threadId, interaction.user.id));
  } catch (error) {
    ctx.logger.warn({ err: error, run: run.id }, 'could not add the facilitator to a protocol thread');
  }
  await serialize(run.id, () => postCurrentStep({ client: interaction.client, ctx }, run.id));
  await interaction.editReply({
    content: `🌱 <@${interaction.user.id}> opened **${protocol.title}** on “${oneLine(topic.data)}”. Join in <#${threadId}>: anyone can add with the **Add** button, and <@${interaction.user.id}> facilitates.`,
    allowedMentions: { parse: [] },
  });
}
