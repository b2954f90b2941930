import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { inServedGuilds, type Shards } from '../sharding/shards.js';
import { toWalk, type Walk } from './walk-store.js';

/**
 * The messages the bot sends members on its own initiative: the one nudge for a stalled walk, a
 * moderator's reminder, and the prompt to re-commit to changed tenets. Each is claimed (stamped as
 * sent) in the same transaction that finds it, so a message goes out once even if a tick repeats.
 * The ticker's claims take the shards the process serves: a server's members hear only from the
 * process that holds the server.
 */

type Deps = Pick<BotContext, 'db' | 'clock'>;

const DAY_MS = 86_400_000;

/** Walks with no progress for the server's chosen number of days, never nudged before. */
export async function claimStalledWalks(deps: Deps, limit: number, shards: Shards): Promise<Walk[]> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const guilds = await trx
      .selectFrom('onboarding_settings')
      .select(['guild_id', 'nudge_after_days'])
      .where('nudge_after_days', '>', 0)
      .where(inServedGuilds(shards, 'guild_id'))
      .execute();
    const claimed: Walk[] = [];
    for (const guild of guilds) {
      if (claimed.length >= limit) break;
      const stalledSince = new Date(now.getTime() - guild.nudge_after_days * DAY_MS).toISOString();
      const rows = await trx
        .selectFrom('onboarding_walks')
        .selectAll()
        .where('guild_id', '=', guild.guild_id)
        .where('step', '!=', 'done')
        .where('reach', '=', 'delivered')
        .where('left_at', 'is', null)
        .where('nudged_at', 'is', null)
        .where('step_changed_at', '<=', stalledSince)
        .limit(limit - claimed.length)
        .execute();
      if (rows.length === 0) continue;
      await trx
        .updateTable('onboarding_walks')
        .set({ nudged_at: now.toISOString() })
        .where('guild_id', '=', guild.guild_id)
        .where('user_id', 'in', rows.map((row) => row.user_id))
        .execute();
      claimed.push(...rows.map((row) => toWalk({ ...row, nudged_at: now.toISOString() })));
    }
    return claimed;
  });
}

/** How long a walk must sit still before `/onboarding remind` (for everyone) counts it as stalled. */
export const REMIND_IDLE_MS = DAY_MS;

/**
 * How many members one `/onboarding remind` (for everyone) reaches: gentle on Discord's limits,
 * and the moderator's answer doesn't wait long. The rest are reminded next time.
 */
export const REMINDERS_PER_RUN = 25;

/** Unfinished walks of members still here; with no `userId`, only those stalled and not reminded since `dayAgo`. */
function remindable(db: Db, guildId: string, dayAgo: string, userId?: string) {
  const query = db.selectFrom('onboarding_walks').where('guild_id', '=', guildId).where('step', '!=', 'done').where('left_at', 'is', null);
  return userId !== undefined
    ? query.where('user_id', '=', userId)
    : query
        .where('reach', 'in', ['delivered', 'unreachable'])
        .where('step_changed_at', '<=', dayAgo)
        .where((eb) => eb.or([eb('nudged_at', 'is', null), eb('nudged_at', '<=', dayAgo)]));
}

const dayBefore = (now: Date) => new Date(now.getTime() - REMIND_IDLE_MS).toISOString();

/**
 * `/onboarding remind`: one member's unfinished walk whatever its state, or up to `limit` of
 * those who have been still for a day and weren't reminded in the last day, stalled longest first.
 */
export async function claimReminders(deps: Deps, guildId: string, userId?: string, limit = REMINDERS_PER_RUN): Promise<Walk[]> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const rows = await remindable(trx, guildId, dayBefore(now), userId).selectAll().orderBy('step_changed_at').orderBy('user_id').limit(limit).execute();
    if (rows.length > 0) {
      await trx
        .updateTable('onboarding_walks')
        .set({ nudged_at: now.toISOString() })
        .where('guild_id', '=', guildId)
        .where('user_id', 'in', rows.map((row) => row.user_id))
        .execute();
    }
    return rows.map((row) => toWalk({ ...row, nudged_at: now.toISOString() }));
  });
}

/** Stalled members `/onboarding remind` would still reach: after a capped run, the ones left for next time. */
export async function remindersWaiting(deps: Deps, guildId: string): Promise<number> {
  const row = await remindable(deps.db, guildId, dayBefore(deps.clock.now()))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Members asked to re-commit (`requestRecommit`) whose prompt hasn't gone out yet. */
export async function claimRecommitPrompts(deps: Deps, limit: number, shards: Shards): Promise<Walk[]> {
  return deps.db.transaction().execute(async (trx) => {
    const iso = deps.clock.now().toISOString();
    const rows = await trx
      .selectFrom('onboarding_walks')
      .selectAll()
      .where(inServedGuilds(shards, 'guild_id'))
      .where('recommit_version', 'is not', null)
      .where('recommit_sent_at', 'is', null)
      .where('left_at', 'is', null)
      .where('reach', '=', 'delivered')
      .limit(limit)
      .execute();
    if (rows.length > 0) {
      await trx
        .updateTable('onboarding_walks')
        .set({ recommit_sent_at: iso })
        .where(({ eb, refTuple, tuple }) => eb(refTuple('guild_id', 'user_id'), 'in', rows.map((row) => tuple(row.guild_id, row.user_id))))
        .execute();
    }
    return rows.map(toWalk);
  });
}

/**
 * Discord asked the bot to slow down opening DMs: what was claimed goes back, so a coming tick
 * sends it. A pending delivery loses its claim; a nudge its stamp; a re-commit prompt its stamp.
 */
export async function postponeOutreach(deps: Deps, guildId: string, userId: string, what: 'delivery' | 'nudge' | 'recommit'): Promise<void> {
  const change = what === 'delivery' ? { delivery_claimed_at: null } : what === 'nudge' ? { nudged_at: null } : { recommit_sent_at: null };
  await deps.db.transaction().execute((trx) => {
    let query = trx.updateTable('onboarding_walks').set(change).where('guild_id', '=', guildId).where('user_id', '=', userId);
    if (what === 'delivery') query = query.where('reach', '=', 'pending');
    return query.execute();
  });
}
