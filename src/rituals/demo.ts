import type { BotContext } from '../context.js';
import { ritualServices } from './library.js';
import { createSchedule, listSchedules } from './schedules.js';
import { canonicalTimeZone } from './time-zones.js';

/**
 * The sandbox's demo rituals, as a moderator would have set them up: a poem every Monday at 9:00
 * and the podcast club every Thursday at 4:00 pm, both with a discussion thread, on the clock of
 * whoever runs the sandbox. Any 7 days hold one of each, so `time +7d` always shows both.
 */
export interface DemoRitualChannels {
  readonly guildId: string;
  readonly poems: string;
  readonly podcastClub: string;
  /** Where ritual problems are reported, unless the server already has a log channel. */
  readonly modLog: string;
}

export async function ensureDemoRituals(ctx: Pick<BotContext, 'db' | 'clock' | 'content'>, channels: DemoRitualChannels): Promise<void> {
  // Only the first time: what the sandbox user changed in an earlier run stays as they left it.
  if ((await listSchedules(ctx.db, channels.guildId)).length > 0) return;
  const timeZone = canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
  const services = ritualServices(ctx);
  await createSchedule(services, channels.guildId, 'demo', { kind: 'poem', channelId: channels.poems, cron: '0 9 * * 1', timeZone, openThread: true });
  await createSchedule(services, channels.guildId, 'demo', { kind: 'podcast', channelId: channels.podcastClub, cron: '0 16 * * 4', timeZone, openThread: true });
  await ctx.db.transaction().execute((trx) =>
    trx.updateTable('guild_settings').set({ log_channel_id: channels.modLog }).where('guild_id', '=', channels.guildId).where('log_channel_id', 'is', null).execute(),
  );
}
