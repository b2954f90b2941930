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
import type { MissingPermission } from '../problems.js';
import { memberAudience, serverAudience } from './audience.js';
import { refuse } from './explain.js';
import type { ProtocolsSay } from './messages.js';
import { postCurrentStep } from './thread-messages.js';
import { threadName } from './thread-name.js';
import { inlineText } from '../../presentation/inline-text.js';

/** What the bot needs in a channel to run a protocol there: a thread of its own, with embeds. */
const NEEDED: readonly { readonly bit: bigint; readonly name: MissingPermission }[] = [
  { bit: PermissionFlagsBits.ViewChannel, name: 'view-channel' },
  { bit: PermissionFlagsBits.CreatePublicThreads, name: 'create-public-threads' },
  { bit: PermissionFlagsBits.SendMessagesInThreads, name: 'send-messages-in-threads' },
  { bit: PermissionFlagsBits.EmbedLinks, name: 'embed-links' },
];

const CreatedThread = z.object({ id: z.string() });

type StartingInteraction = ChatInputCommandInteraction<InServer> | ModalSubmitInteraction<InServer>;

/** Refuses early, before anyone types a topic or anything is written, when a protocol can't run here. */
export function assertCanStartHere(interaction: Pick<BaseInteraction<InServer>, 'channel' | 'appPermissions'>, t: ProtocolsSay): void {
  if (interaction.channel?.isThread()) refuse({ kind: 'inside-a-thread' }, t);
  const missing = NEEDED.filter(({ bit }) => !interaction.appPermissions.has(bit)).map(({ name }) => name);
  if (missing.length > 0) refuse({ kind: 'missing-permissions', missing }, t);
}

/** Opens the run's thread; Discord's refusals become the starter's sentence. */
async function openThread(interaction: StartingInteraction, channelId: string, topic: string, t: ProtocolsSay): Promise<string> {
  try {
    const created = await interaction.client.rest.post(Routes.threads(channelId), {
      body: { name: threadName(topic), type: ChannelType.PublicThread, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
    });
    return CreatedThread.parse(created).id;
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      if (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess) refuse({ kind: 'thread-refused' }, t);
      if (error.code === RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType) refuse({ kind: 'not-a-text-channel' }, t);
    }
    throw error;
  }
}

/**
 * Starts `protocol` in a new thread of the channel the interaction came from, with the member who
 * asked as its facilitator: the thread, then the run, then the first step, then a public line in
 * the channel inviting the team in (in the server's language: everyone there reads it). Nothing
 * is written if Discord refuses the thread.
 */
export async function startProtocolHere(interaction: StartingInteraction, ctx: BotContext, protocol: Protocol, typedTopic: string): Promise<void> {
  const { t } = await memberAudience(interaction, ctx);
  assertCanStartHere(interaction, t);
  const topic = Topic.safeParse(typedTopic);
  if (!topic.success) refuse({ kind: 'bad-topic' }, t);
  const { guildId, channelId } = interaction;
  // Every interaction in a server comes from a channel; Discord sends it with each one.
  if (channelId === null) throw new Error('an interaction in a server arrived without its channel');

  await interaction.deferReply();
  const threadId = await openThread(interaction, channelId, topic.data, t);
  const run = await recordRun(ctx, { guildId, channelId, threadId, protocol, topic: topic.data, facilitatorId: interaction.user.id });
  try {
    // So the thread shows in the facilitator's list; they can follow it without being pinged.
    await interaction.client.rest.put(Routes.threadMembers(threadId, interaction.user.id));
  } catch (error) {
    ctx.logger.warn({ err: error, run: run.id }, 'could not add the facilitator to a protocol thread');
  }
  await runQueueOf(ctx).serialize(run.id, () => postCurrentStep({ client: interaction.client, ctx }, run.id));
  const server = await serverAudience(interaction.client, ctx, guildId);
  await interaction.editReply({
    content: server.t('start.opened', { facilitator: `<@${interaction.user.id}>`, protocol: server.read(protocol).title, topic: inlineText(topic.data), thread: `<#${threadId}>` }),
    allowedMentions: { parse: [] },
  });
}
