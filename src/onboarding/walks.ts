import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import { inServedGuilds, type Shards } from '../sharding/shards.js';
import type { Tenet } from './content.js';
import { saveIntroIn, type Intro } from './intros.js';
import type { OnboardingOutcome } from './problems.js';
import { sameStep, stepAfterTenet, type OpenStep, type WalkStep } from './steps.js';
import { currentTenetsIn, tenetsAt, type TenetSet } from './tenets.js';
import { findWalk, stepColumns, toWalk, type Walk, type WalkChannel } from './walk-store.js';

/**
 * The walk as a state machine: a member is admitted when they join (or pass rules screening),
 * commits to one tenet a step, introduces themselves, and is done. Every transition happens in a
 * transaction that first checks the step the button was showing is still the member's step, so a
 * double click, or a click on an older message, never moves anyone twice.
 */

type Deps = Pick<BotContext, 'db' | 'clock'>;

/** How long a delivery may run before another process (or the ticker after a crash) takes it over. */
export const DELIVERY_CLAIM_MS = 2 * 60_000;

export type Greeting = 'welcome' | 'welcome-back';

function greetingFor(walk: Walk): Greeting {
  return walk.lastChannel === null && walk.step.kind === 'tenet' && walk.step.index === 0 ? 'welcome' : 'welcome-back';
}

async function reload(trx: Db, guildId: string, userId: string): Promise<Walk> {
  const walk = await findWalk(trx, guildId, userId);
  if (!walk) throw new Error(`walk ${guildId}/${userId} vanished inside its own transaction`);
  return walk;
}

/**
 * The columns of a walk at its first tenet: a new one, or one started over. A pending walk is
 * claimed for delivery by the process writing it; one awaiting screening is claimed by nobody yet.
 */
function freshWalk(displayName: string, version: number, reach: 'pending' | 'awaiting-screening', iso: string) {
  return {
    display_name: displayName,
    ...stepColumns({ kind: 'tenet', version, index: 0 }),
    tenet_version: version,
    reach,
    delivery_claimed_at: reach === 'pending' ? iso : null,
    step_changed_at: iso,
    finished_at: null,
    nudged_at: null,
    left_at: null,
    recommit_version: null,
    recommit_sent_at: null,
  } as const;
}

function newWalkRow(who: { guildId: string; userId: string }, fresh: ReturnType<typeof freshWalk>, iso: string) {
  return { guild_id: who.guildId, user_id: who.userId, ...fresh, via: null, channel_id: null, started_at: iso, joined_at: iso };
}

export type AdmitResult =
  | { readonly kind: 'deliver'; readonly walk: Walk; readonly greeting: Greeting }
  | { readonly kind: 'awaiting-screening'; readonly walk: Walk }
  /** Came back after finishing, past screening: they only need their role again. */
  | { readonly kind: 'already-finished'; readonly walk: Walk }
  /**
   * Came back after finishing, into rules screening: the role waits until they accept the rules
   * (a role would let them skip screening), see {@link passScreeningAgain}.
   */
  | { readonly kind: 'finished-awaiting-screening'; readonly walk: Walk }
  /** A delivery for this walk is already under way (a repeated join event). */
  | { readonly kind: 'in-progress'; readonly walk: Walk };

/** A member joined the server: a new walk, or the one they left, picked up where they stopped. */
export async function admitMember(
  deps: Deps,
  input: { guildId: string; userId: string; displayName: string; pending: boolean; defaults: readonly Tenet[] },
): Promise<AdmitResult> {
  return deps.db.transaction().execute(async (trx): Promise<AdmitResult> => {
    const now = deps.clock.now();
    const iso = now.toISOString();
    const existing = await findWalk(trx, input.guildId, input.userId);
    if (!existing) {
      const tenets = await currentTenetsIn(trx, now, input.guildId, input.defaults);
      await trx
        .insertInto('onboarding_walks')
        .values(newWalkRow(input, freshWalk(input.displayName, tenets.version, input.pending ? 'awaiting-screening' : 'pending', iso), iso))
        .execute();
      const walk = await reload(trx, input.guildId, input.userId);
      return input.pending ? { kind: 'awaiting-screening', walk } : { kind: 'deliver', walk, greeting: 'welcome' };
    }

    const claimedRecently =
      existing.reach.kind === 'pending' && existing.leftAt === null && (await claimAge(trx, input.guildId, input.userId, now)) < DELIVERY_CLAIM_MS;
    if (claimedRecently) return { kind: 'in-progress', walk: existing };

    const finished = existing.step.kind === 'done';
    const back = { display_name: input.displayName, joined_at: iso, left_at: null };
    const reach = input.pending ? 'awaiting-screening' : 'pending';
    await trx
      .updateTable('onboarding_walks')
      // A finished walk only needs its role again (after screening, if the server screens); an
      // unfinished one is delivered anew. Time away doesn't count as stalling.
      .set(finished ? (input.pending ? { ...back, reach } : back) : { ...back, reach, delivery_claimed_at: input.pending ? null : iso, step_changed_at: iso })
      .where('guild_id', '=', input.guildId)
      .where('user_id', '=', input.userId)
      .execute();
    const walk = await reload(trx, input.guildId, input.userId);
    if (finished) return input.pending ? { kind: 'finished-awaiting-screening', walk } : { kind: 'already-finished', walk };
    if (input.pending) return { kind: 'awaiting-screening', walk };
    // Someone who left before their walk ever reached them is welcomed, not welcomed back.
    return { kind: 'deliver', walk, greeting: greetingFor(walk) };
  });
}

async function claimAge(trx: Db, guildId: string, userId: string, now: Date): Promise<number> {
  const row = await trx.selectFrom('onboarding_walks').select('delivery_claimed_at').where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst();
  return row?.delivery_claimed_at ? now.getTime() - Date.parse(row.delivery_claimed_at) : Number.POSITIVE_INFINITY;
}

/** The walk of a member still here, waiting for them to accept the rules: unfinished, or finished before they left. */
function awaitingScreening(trx: Db, guildId: string, userId: string, finished: boolean) {
  return trx
    .updateTable('onboarding_walks')
    .where('guild_id', '=', guildId)
    .where('user_id', '=', userId)
    .where('reach', '=', 'awaiting-screening')
    .where('step', finished ? '=' : '!=', 'done')
    .where('left_at', 'is', null);
}

/** The member accepted the server's rules: their walk may start now. Undefined if it wasn't waiting. */
export async function passScreening(deps: Deps, guildId: string, userId: string): Promise<{ walk: Walk; greeting: Greeting } | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const iso = deps.clock.now().toISOString();
    const result = await awaitingScreening(trx, guildId, userId, false).set({ reach: 'pending', delivery_claimed_at: iso, step_changed_at: iso }).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    const walk = await reload(trx, guildId, userId);
    return { walk, greeting: greetingFor(walk) };
  });
}

/**
 * A member who had finished their walk, left, and came back into rules screening has accepted the
 * rules: their walk is back where it was (reached, in the channel it lived in), and they are owed
 * their role. Undefined if no finished walk was waiting, so an ordinary member update grants nothing.
 */
export async function passScreeningAgain(deps: Deps, guildId: string, userId: string): Promise<Walk | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await awaitingScreening(trx, guildId, userId, true)
      .set((eb) => ({ reach: eb.case().when('channel_id', 'is not', null).then('delivered').else('unreachable').end() }))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return reload(trx, guildId, userId);
  });
}

export async function markLeft(deps: Deps, guildId: string, userId: string): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    trx
      .updateTable('onboarding_walks')
      .set({ left_at: deps.clock.now().toISOString(), delivery_claimed_at: null })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('left_at', 'is', null)
      .execute(),
  );
}

/** `/onboarding start`: the walk from its first tenet, on the server's current tenets. */
export async function restartWalk(deps: Deps, input: { guildId: string; userId: string; displayName: string; defaults: readonly Tenet[] }): Promise<Walk> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const iso = now.toISOString();
    const tenets = await currentTenetsIn(trx, now, input.guildId, input.defaults);
    const fresh = freshWalk(input.displayName, tenets.version, 'pending', iso);
    await trx
      .insertInto('onboarding_walks')
      .values(newWalkRow(input, fresh, iso))
      .onConflict((conflict) => conflict.columns(['guild_id', 'user_id']).doUpdateSet(fresh))
      .execute();
    return reload(trx, input.guildId, input.userId);
  });
}

/** Pending deliveries nobody is working on (never claimed, or claimed by a process that went away). */
export async function claimPendingDeliveries(deps: Deps, limit: number, shards: Shards): Promise<Array<{ walk: Walk; greeting: Greeting }>> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const staleBefore = new Date(now.getTime() - DELIVERY_CLAIM_MS).toISOString();
    const rows = await trx
      .selectFrom('onboarding_walks')
      .selectAll()
      .where(inServedGuilds(shards, 'guild_id'))
      .where('reach', '=', 'pending')
      .where('left_at', 'is', null)
      .where((eb) => eb.or([eb('delivery_claimed_at', 'is', null), eb('delivery_claimed_at', '<', staleBefore)]))
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('onboarding_walks')
      .set({ delivery_claimed_at: now.toISOString() })
      .where(({ eb, refTuple, tuple }) => eb(refTuple('guild_id', 'user_id'), 'in', rows.map((row) => tuple(row.guild_id, row.user_id))))
      .execute();
    return rows.map((row) => {
      const walk = toWalk(row);
      return { walk, greeting: greetingFor(walk) };
    });
  });
}

export async function recordDelivered(deps: Deps, guildId: string, userId: string, channel: WalkChannel): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    trx
      .updateTable('onboarding_walks')
      .set({ reach: 'delivered', via: channel.via, channel_id: channel.channelId, delivery_claimed_at: null })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .execute(),
  );
}

/** Returns true the first time, so moderators are told once, not on every retry. */
export async function recordUnreachable(deps: Deps, guildId: string, userId: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('onboarding_walks')
      .set({ reach: 'unreachable', delivery_claimed_at: null })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('reach', '!=', 'unreachable')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}

/**
 * A pending delivery that can't happen here (the bot is no longer in the server, onboarding is
 * switched off there): released as unreachable, so the ticker stops claiming it again and again.
 * Returning to the server or `/onboarding remind` sends the walk later. A walk already delivered
 * (a nudge or reminder that couldn't go out) keeps its state.
 */
export async function releaseUndeliverable(deps: Deps, guildId: string, userId: string): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    trx
      .updateTable('onboarding_walks')
      .set({ reach: 'unreachable', delivery_claimed_at: null })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .where('reach', '=', 'pending')
      .execute(),
  );
}

/** Whether a button showing `at` may act on the member's walk now. */
export type Turn =
  | { readonly kind: 'current'; readonly walk: Walk }
  /** The button shows a step the member is no longer on (a double click, an older message). */
  | { readonly kind: 'stale'; readonly walk: Walk }
  | { readonly kind: 'finished'; readonly walk: Walk }
  /** The member has left the server; the walk waits for their return. */
  | { readonly kind: 'away'; readonly walk: Walk }
  /** No walk: never started here, or forgotten at the member's request. */
  | { readonly kind: 'missing' };

export function turnOf(walk: Walk | undefined, at: OpenStep): Turn {
  if (!walk) return { kind: 'missing' };
  if (walk.step.kind === 'done') return { kind: 'finished', walk };
  if (walk.leftAt !== null) return { kind: 'away', walk };
  return sameStep(walk.step, at) ? { kind: 'current', walk } : { kind: 'stale', walk };
}

export async function checkTurn(db: Db, guildId: string, userId: string, at: OpenStep): Promise<Turn> {
  return turnOf(await findWalk(db, guildId, userId), at);
}

export type OffTurn = Exclude<Turn, { kind: 'current' }>;

/**
 * A click off the member's turn: a stale one shows where the member really is (the walk it
 * returns); the rest are problems.
 */
export function staleWalk(turn: OffTurn): OnboardingOutcome<Walk> {
  switch (turn.kind) {
    case 'stale':
      return succeed(turn.walk);
    case 'missing':
      return fail({ kind: 'no-walk' });
    case 'away':
      return fail({ kind: 'away' });
    case 'finished':
      return fail({ kind: 'walk-finished' });
  }
}

/** Walks travel in DMs and shared threads: only their owner may move them on. */
export function ownWalk(clickerId: string, ownerId: string): OnboardingOutcome<string> {
  return clickerId === ownerId ? succeed(ownerId) : fail({ kind: 'not-your-walk' });
}

export type CommitResult = OffTurn | { readonly kind: 'advanced'; readonly walk: Walk; readonly tenets: TenetSet };

/** "I commit to this": records the commitment (and reflection) and moves to the next step. */
export async function commitToTenet(
  deps: Deps,
  input: { guildId: string; userId: string; at: Extract<OpenStep, { kind: 'tenet' }>; reflection: string | null },
): Promise<CommitResult> {
  return deps.db.transaction().execute(async (trx): Promise<CommitResult> => {
    const turn = turnOf(await findWalk(trx, input.guildId, input.userId), input.at);
    if (turn.kind !== 'current') return turn;
    const tenets = await tenetsAt(trx, input.guildId, input.at.version);
    const committed = tenets?.tenets[input.at.index];
    if (!tenets || !committed) throw new Error(`walk ${input.guildId}/${input.userId} points at a tenet that doesn't exist (v${input.at.version} #${input.at.index})`);
    const iso = deps.clock.now().toISOString();
    await trx
      .insertInto('onboarding_commitments')
      .values({ guild_id: input.guildId, user_id: input.userId, tenet_version: tenets.version, tenet_name: committed.name, reflection: input.reflection, committed_at: iso })
      .onConflict((conflict) => conflict.columns(['guild_id', 'user_id', 'tenet_version', 'tenet_name']).doUpdateSet({ reflection: input.reflection, committed_at: iso }))
      .execute();
    const next: WalkStep = stepAfterTenet(tenets.version, input.at.index, tenets.tenets.length);
    await trx
      .updateTable('onboarding_walks')
      .set({ ...stepColumns(next), step_changed_at: iso })
      .where('guild_id', '=', input.guildId)
      .where('user_id', '=', input.userId)
      .execute();
    return { kind: 'advanced', walk: await reload(trx, input.guildId, input.userId), tenets };
  });
}

export type FinishResult = OffTurn | { readonly kind: 'done'; readonly walk: Walk };

/** The introduction is in: the walk is done. */
export async function finishWalk(deps: Deps, input: { guildId: string; userId: string; intro: Intro }): Promise<FinishResult> {
  return deps.db.transaction().execute(async (trx): Promise<FinishResult> => {
    const turn = turnOf(await findWalk(trx, input.guildId, input.userId), { kind: 'introduce' });
    if (turn.kind !== 'current') return turn;
    const now = deps.clock.now();
    const iso = now.toISOString();
    await saveIntroIn(trx, input.guildId, input.userId, input.intro, now);
    await trx
      .updateTable('onboarding_walks')
      .set({ ...stepColumns({ kind: 'done' }), step_changed_at: iso, finished_at: iso })
      .where('guild_id', '=', input.guildId)
      .where('user_id', '=', input.userId)
      .execute();
    return { kind: 'done', walk: await reload(trx, input.guildId, input.userId) };
  });
}
