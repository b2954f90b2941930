import { PermissionFlagsBits, type Guild } from 'discord.js';
import { fail, succeed } from '../../outcome.js';
import type { Schedule } from '../model.js';
import type { RitualOutcome } from '../problems.js';

/**
 * Whether the bot can post a schedule's ritual in its channel now, as Discord would judge the post:
 * a ritual resumed into a channel it still can't use would only pause itself again at its next run.
 */
const TO_POST: ReadonlyArray<readonly [bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];
const FOR_THREADS: ReadonlyArray<readonly [bigint, string]> = [
  [PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
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
