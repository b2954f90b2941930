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
import type { BotContext } from '../../context.js';
import type { InServer } from '../../interactions/handlers.js';
import { recordRun, Topic } from '../facilitation.js';
import type { Protocol } from '../protocol-content.js';
import { runQueueOf } from './acting.js';
import { refuse } from './explain.js';
import { postCurrentStep } from './thread-messages.js';
import { threadName } from './thread-name.js';
import { inlineText } from '../../presentation/inline-text.js';

/** What the bot needs in a channel to run a protocol there: a thread of its own, with embeds. */
const NEEDED = [
  { bit: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { bit: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' },
  { bit: PermissionFlagsBits.SendMessagesInThreads, name: 'Send Messages in Threads' },
  { bit: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

const CreatedThread = z.object({ id: z.string() });

type StartingInteraction = ChatInputCommandInteraction<InServer> | ModalSubmitInteraction<InServer>;

/** Refuses early, before anyone types a topic or anything is written, when a protocol can't run here. */
export function assertCanStartHere(interaction: Pick<BaseInteraction<InServer>, 'channel' | 'appPermissions'>): void {
  if (interaction.channel?.isThread()) refuse({ kind: 'inside-a-thread' });
  const missing = NEEDED.filter(({ bit }) => !interaction.appPermissions.has(bit)).map(({ name }) => name);
  if (missing.length > 0) refuse({ kind: 'missing-permissions', missing });
}

/** Opens the run's thread; Discord's refusals become the starter's sentence. */
async function openThread(interaction: StartingInteraction, channelId: string, topic: string): Promise<string> {
  try {
    const created = await interaction.client.rest.post(Routes.threads(channelId), {
      body: { name: threadName(topic), type: ChannelType.PublicThread, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
    });
    return CreatedThread.parse(created).id;
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      if (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess) refuse({ kind: 'thread-refused' });
      if (error.code === RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType) refuse({ kind: 'not-a-text-channel' });
    }
    throw error;
  }
}

/**
 * Starts `protocol` in a new thread of the channel the interaction came from, with the member who
 * asked as its facilitator: the thread, then the run, then the first step, then a public line in
 * the channel inviting the team in. Nothing is written if Discord refuses the thread.
 */
export async function startProtocolHere(interaction: StartingInteraction, ctx: BotContext, protocol: Protocol, typedTopic: string): Promise<void> {
  assertCanStartHere(interaction);
  const topic = Topic.safeParse(typedTopic);
  if (!topic.success) refuse({ kind: 'bad-topic' });
  const { guildId, channelId } = interaction;
  // Every interaction in a server comes from a channel; Discord sends it with each one.
  if (channelId === null) throw new Error('an interaction in a server arrived without its channel');

  await interaction.deferReply();
  const threadId = await openThread(interaction, channelId, topic.data);
  const run = await recordRun(ctx, { guildId, channelId, threadId, protocol, topic: topic.data, facilitatorId: interaction.user.id });
  try {
    // So the thread shows in the facilitator's list; they can follow it without being pinged.
    await interaction.client.rest.put(Routes.threadMembers(threadId, interaction.user.id));
  } catch (error) {
    ctx.logger.warn({ err: error, run: run.id }, 'could not add the facilitator to a protocol thread');
  }
  await runQueueOf(ctx).serialize(run.id, () => postCurrentStep({ client: interaction.client, ctx }, run.id));
  await interaction.editReply({
    content: `🌱 <@${interaction.user.id}> opened **${protocol.title}** on “${inlineText(topic.data)}”. Join in <#${threadId}>: anyone can add with the **Add** button, and <@${interaction.user.id}> facilitates.`,
    allowedMentions: { parse: [] },
  });
}
