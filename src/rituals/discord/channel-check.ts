import { PermissionFlagsBits, type Guild } from 'discord.js';
import { fail, succeed } from '../../outcome.js';
import type { Schedule } from '../model.js';
import type { PostPermission, RitualOutcome } from '../problems.js';

/**
 * Whether the bot can post a schedule's ritual in its channel now, as Discord would judge the post:
 * a ritual resumed into a channel it still can't use would only pause itself again at its next run.
 */
const TO_POST: ReadonlyArray<readonly [bigint, PostPermission]> = [
  [PermissionFlagsBits.ViewChannel, 'view-channel'],
  [PermissionFlagsBits.SendMessages, 'send-messages'],
  [PermissionFlagsBits.EmbedLinks, 'embed-links'],
];
const FOR_THREADS: ReadonlyArray<readonly [bigint, PostPermission]> = [
  [PermissionFlagsBits.CreatePublicThreads, 'create-public-threads'],
  [PermissionFlagsBits.SendMessagesInThreads, 'send-messages-in-threads'],
];

export async function checkCanPost(guild: Guild, schedule: Schedule): Promise<RitualOutcome<Schedule>> {
  const channel = await guild.channels.fetch(schedule.channelId).catch(() => null);
  if (channel === null) return fail({ kind: 'channel-gone', schedule });
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const mine = channel.permissionsFor(me);
  const needs = schedule.openThread ? [...TO_POST, ...FOR_THREADS] : TO_POST;
  const missing = needs.filter(([bit]) => !mine.has(bit)).map(([, name]) => name);
  return missing.length === 0 ? succeed(schedule) : fail({ kind: 'cannot-post', schedule, missing });
}
