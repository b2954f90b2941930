import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import type { OnboardingOutcome } from './problems.js';

type Deps = Pick<BotContext, 'db' | 'clock'>;

export type FirstContact = 'dm' | 'thread';

/** A server's onboarding choices. A server without them has onboarding switched off. */
export interface OnboardingSettings {
  readonly guildId: string;
  readonly memberRoleId: string | null;
  readonly welcomeChannelId: string | null;
  readonly introductionsChannelId: string | null;
  readonly firstContact: FirstContact;
  /** 0: no automatic nudge. */
  readonly nudgeAfterDays: number;
  /** Where moderators read the bot's notes (shared with other features: `guild_settings`). */
  readonly logChannelId: string | null;
}

export const NUDGE_DAYS = { min: 0, max: 30, default: 3 } as const;

const Row = z.object({
  guild_id: z.string(),
  member_role_id: z.string().nullable(),
  welcome_channel_id: z.string().nullable(),
  introductions_channel_id: z.string().nullable(),
  first_contact: z.enum(['dm', 'thread']),
  nudge_after_days: z.number().int().min(NUDGE_DAYS.min).max(NUDGE_DAYS.max),
  log_channel_id: z.string().nullable(),
});

export async function findOnboardingSettings(db: Db, guildId: string): Promise<OnboardingSettings | undefined> {
  const row = await db
    .selectFrom('onboarding_settings as o')
    .leftJoin('guild_settings as g', 'g.guild_id', 'o.guild_id')
    .select(['o.guild_id', 'o.member_role_id', 'o.welcome_channel_id', 'o.introductions_channel_id', 'o.first_contact', 'o.nudge_after_days', 'g.log_channel_id'])
    .where('o.guild_id', '=', guildId)
    .executeTakeFirst();
  if (!row) return undefined;
  const r = Row.parse(row);
  return {
    guildId: r.guild_id,
    memberRoleId: r.member_role_id,
    welcomeChannelId: r.welcome_channel_id,
    introductionsChannelId: r.introductions_channel_id,
    firstContact: r.first_contact,
    nudgeAfterDays: r.nudge_after_days,
    logChannelId: r.log_channel_id,
  };
}

/** The server's settings, for what only works once onboarding is switched on there. */
export async function settingsInUse(db: Db, guildId: string): Promise<OnboardingOutcome<OnboardingSettings>> {
  const settings = await findOnboardingSettings(db, guildId);
  return settings ? succeed(settings) : fail({ kind: 'not-set-up' });
}

/** Only the fields a moderator set this time; the others keep their values. */
export type SettingsChange = Partial<Omit<OnboardingSettings, 'guildId'>>;

export async function updateOnboardingSettings(deps: Deps, guildId: string, change: SettingsChange): Promise<OnboardingSettings> {
  const iso = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const columns = {
      ...(change.memberRoleId !== undefined ? { member_role_id: change.memberRoleId } : {}),
      ...(change.welcomeChannelId !== undefined ? { welcome_channel_id: change.welcomeChannelId } : {}),
      ...(change.introductionsChannelId !== undefined ? { introductions_channel_id: change.introductionsChannelId } : {}),
      ...(change.firstContact !== undefined ? { first_contact: change.firstContact } : {}),
      ...(change.nudgeAfterDays !== undefined ? { nudge_after_days: change.nudgeAfterDays } : {}),
    };
    await trx
      .insertInto('onboarding_settings')
      .values({
        guild_id: guildId,
        member_role_id: null,
        welcome_channel_id: null,
        introductions_channel_id: null,
        first_contact: 'dm',
        nudge_after_days: NUDGE_DAYS.default,
        ...columns,
        created_at: iso,
        updated_at: iso,
      })
      .onConflict((conflict) => conflict.column('guild_id').doUpdateSet({ ...columns, updated_at: iso }))
      .execute();
    if (change.logChannelId !== undefined) {
      await trx
        .insertInto('guild_settings')
        .values({ guild_id: guildId, time_zone: 'UTC', log_channel_id: change.logChannelId, created_at: iso, updated_at: iso })
        .onConflict((conflict) =>
          conflict.column('guild_id').doUpdateSet((eb) => ({ log_channel_id: change.logChannelId ?? null, updated_at: iso, revision: eb('guild_settings.revision', '+', 1) })),
        )
        .execute();
    }
  });
  const settings = await findOnboardingSettings(deps.db, guildId);
  if (!settings) throw new Error(`onboarding settings for ${guildId} vanished right after being written`);
  return settings;
}
