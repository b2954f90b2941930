import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connection.js';
import type { WalkStep } from './steps.js';
import type { OnboardingWalksTable } from './tables.js';

/** Where a walk lives: the member's DMs, or a private thread in the welcome channel. */
export interface WalkChannel {
  readonly via: 'dm' | 'thread';
  readonly channelId: string;
}

/** Whether the walk has reached the member. */
export type Reach =
  /** The server screens new members; the walk starts once they accept the rules. */
  | { readonly kind: 'awaiting-screening' }
  /** To be delivered (just joined, returned, restarted, or a delivery was interrupted). */
  | { readonly kind: 'pending' }
  | { readonly kind: 'delivered'; readonly channel: WalkChannel }
  /** DMs closed and no usable welcome channel: moderators were told. */
  | { readonly kind: 'unreachable' };

export interface Walk {
  readonly guildId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly step: WalkStep;
  readonly tenetVersion: number;
  readonly reach: Reach;
  /** Where the walk lived last, even while pending again: a welcome thread is reused, not duplicated. */
  readonly lastChannel: WalkChannel | null;
  readonly startedAt: Date;
  readonly joinedAt: Date;
  readonly stepChangedAt: Date;
  readonly finishedAt: Date | null;
  readonly nudgedAt: Date | null;
  readonly leftAt: Date | null;
  readonly recommitVersion: number | null;
}

export type WalkRow = Selectable<OnboardingWalksTable>;

const date = z.iso.datetime().transform((iso) => new Date(iso));
const maybeDate = date.nullable();

const RowSchema = z.object({
  guild_id: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  step: z.enum(['tenet', 'introduce', 'done']),
  tenet_index: z.number().int().min(0),
  tenet_version: z.number().int().positive(),
  reach: z.enum(['awaiting-screening', 'pending', 'delivered', 'unreachable']),
  via: z.enum(['dm', 'thread']).nullable(),
  channel_id: z.string().nullable(),
  started_at: date,
  joined_at: date,
  step_changed_at: date,
  finished_at: maybeDate,
  nudged_at: maybeDate,
  left_at: maybeDate,
  recommit_version: z.number().int().positive().nullable(),
});

/** The one place a walk row becomes a typed walk; a row that breaks the rules fails loudly here. */
export function toWalk(row: WalkRow): Walk {
  const r = RowSchema.parse(row);
  const lastChannel: WalkChannel | null = r.via !== null && r.channel_id !== null ? { via: r.via, channelId: r.channel_id } : null;
  const step: WalkStep = r.step === 'tenet' ? { kind: 'tenet', version: r.tenet_version, index: r.tenet_index } : { kind: r.step };
  let reach: Reach;
  if (r.reach === 'delivered') {
    if (lastChannel === null) throw new Error(`walk ${r.guild_id}/${r.user_id} is delivered without a channel`);
    reach = { kind: 'delivered', channel: lastChannel };
  } else {
    reach = { kind: r.reach };
  }
  return {
    guildId: r.guild_id,
    userId: r.user_id,
    displayName: r.display_name,
    step,
    tenetVersion: r.tenet_version,
    reach,
    lastChannel,
    startedAt: r.started_at,
    joinedAt: r.joined_at,
    stepChangedAt: r.step_changed_at,
    finishedAt: r.finished_at,
    nudgedAt: r.nudged_at,
    leftAt: r.left_at,
    recommitVersion: r.recommit_version,
  };
}

/** The columns a step occupies. */
export function stepColumns(step: WalkStep): Pick<OnboardingWalksTable, 'step' | 'tenet_index'> {
  return step.kind === 'tenet' ? { step: 'tenet', tenet_index: step.index } : { step: step.kind, tenet_index: 0 };
}

export async function findWalk(db: Db, guildId: string, userId: string): Promise<Walk | undefined> {
  const row = await db.selectFrom('onboarding_walks').selectAll().where('guild_id', '=', guildId).where('user_id', '=', userId).executeTakeFirst();
  return row === undefined ? undefined : toWalk(row);
}
