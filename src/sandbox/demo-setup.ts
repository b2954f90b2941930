import type { BotContext } from '../context.js';
import { findOnboardingSettings, updateOnboardingSettings } from '../onboarding/settings.js';
import { ensureDemoRituals } from '../rituals/demo.js';
import type { DemoGuild } from './demo-guild.js';

/**
 * What the demo community has already set up, as its moderator would have with commands, so the
 * sandbox shows the rituals working from the first minute. Only what isn't set yet is set: changes
 * made in an earlier sandbox run are kept (the demo server's IDs are stable).
 */
export async function setUpDemoCommunity(ctx: Pick<BotContext, 'db' | 'clock' | 'content'>, demo: DemoGuild): Promise<void> {
  const guildId = demo.guild.id;
  await ensureDemoRituals(ctx, { guildId, poems: demo.channels.poems.id, podcastClub: demo.channels['podcast-club'].id, modLog: demo.channels['mod-log'].id });
  if ((await findOnboardingSettings(ctx.db, guildId)) === undefined) {
    await updateOnboardingSettings(ctx, guildId, {
      memberRoleId: demo.roles.member,
      welcomeChannelId: demo.channels.welcome.id,
      introductionsChannelId: demo.channels.introductions.id,
      firstContact: 'dm',
      nudgeAfterDays: 3,
      logChannelId: demo.channels['mod-log'].id,
    });
  }
}
