import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { fail, succeed } from '../outcome.js';
import { TenetListSchema, type Tenet } from './content.js';
import type { OnboardingOutcome } from './problems.js';

type Deps = Pick<BotContext, 'db' | 'clock'>;

export type TenetOrigin = 'default' | 'moderator';

/** One version of a server's tenets. Versions never change once written. */
export interface TenetSet {
  readonly version: number;
  readonly tenets: readonly Tenet[];
  readonly origin: TenetOrigin;
  readonly createdAt: Date;
}

/** What moderators changed between two versions: what members are asked to re-commit to. */
export interface TenetChanges {
  /** New tenets, or tenets whose words changed. */
  readonly changed: readonly Tenet[];
  readonly removed: readonly string[];
}

const Stored = z.object({
  version: z.number().int().positive(),
  tenets: z.string().transform((json, ctx) => {
    const parsed = TenetListSchema.safeParse(JSON.parse(json));
    if (!parsed.success) {
      ctx.issues.push({ code: 'custom', input: json, message: 'stored tenets are not a valid tenet list' });
      return z.NEVER;
    }
    return parsed.data;
  }),
  origin: z.enum(['default', 'moderator']),
  created_at: z.iso.datetime().transform((iso) => new Date(iso)),
});

function toSet(row: unknown): TenetSet {
  const { version, tenets, origin, created_at } = Stored.parse(row);
  return { version, tenets, origin, createdAt: created_at };
}

async function latest(db: Db, guildId: string): Promise<TenetSet | undefined> {
  const row = await db.selectFrom('onboarding_tenet_versions').selectAll().where('guild_id', '=', guildId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row === undefined ? undefined : toSet(row);
}

/**
 * The server's tenets now, inside a transaction the caller holds. A server that never changed them
 * gets the shipped defaults written as its version 1 on first use, so a later change to `data/`
 * never silently rewrites what its members already committed to (`/tenets reset` brings it in).
 */
export async function currentTenetsIn(trx: Db, now: Date, guildId: string, defaults: readonly Tenet[]): Promise<TenetSet> {
  const found = await latest(trx, guildId);
  if (found) return found;
  await trx
    .insertInto('onboarding_tenet_versions')
    .values({ guild_id: guildId, version: 1, tenets: JSON.stringify(defaults), origin: 'default', created_by: null, created_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(['guild_id', 'version']).doNothing())
    .execute();
  const written = await latest(trx, guildId);
  if (!written) throw new Error(`tenets for ${guildId} vanished right after being written`);
  return written;
}

export async function currentTenets(deps: Deps, guildId: string, defaults: readonly Tenet[]): Promise<TenetSet> {
  // Reading first keeps the common case out of a write transaction.
  const found = await latest(deps.db, guildId);
  if (found) return found;
  return deps.db.transaction().execute((trx) => currentTenetsIn(trx, deps.clock.now(), guildId, defaults));
}

export async function tenetsAt(db: Db, guildId: string, version: number): Promise<TenetSet | undefined> {
  const row = await db.selectFrom('onboarding_tenet_versions').selectAll().where('guild_id', '=', guildId).where('version', '=', version).executeTakeFirst();
  return row === undefined ? undefined : toSet(row);
}

const key = (name: string) => name.toLocaleLowerCase('en').trim();

export function diffTenets(before: readonly Tenet[], after: readonly Tenet[]): TenetChanges {
  const old = new Map(before.map((tenet) => [key(tenet.name), tenet.text]));
  const kept = new Set(after.map((tenet) => key(tenet.name)));
  return {
    changed: after.filter((tenet) => old.get(key(tenet.name)) !== tenet.text),
    removed: before.filter((tenet) => !kept.has(key(tenet.name))).map((tenet) => tenet.name),
  };
}

export type SaveTenetsResult =
  | { readonly kind: 'saved'; readonly set: TenetSet; readonly changes: TenetChanges }
  | { readonly kind: 'unchanged'; readonly set: TenetSet }
  /** Someone else saved a new version after this edit began: saving would undo their change. */
  | { readonly kind: 'conflict'; readonly set: TenetSet };

/** A save that went through (a new version, or nothing to change); a conflict is a problem. */
export function unlessConflict(result: SaveTenetsResult): OnboardingOutcome<Exclude<SaveTenetsResult, { kind: 'conflict' }>> {
  return result.kind === 'conflict' ? fail({ kind: 'tenets-conflict', version: result.set.version }) : succeed(result);
}

/**
 * Writes a new version when the tenets differ from the current ones. `basedOn` is the version the
 * moderator was looking at, so two moderators editing at once don't overwrite each other unseen.
 */
export async function saveTenets(
  deps: Deps,
  input: { guildId: string; tenets: readonly Tenet[]; origin: TenetOrigin; by: string; basedOn?: number; defaults: readonly Tenet[] },
): Promise<SaveTenetsResult> {
  const tenets = TenetListSchema.parse(input.tenets);
  return deps.db.transaction().execute(async (trx): Promise<SaveTenetsResult> => {
    const now = deps.clock.now();
    const current = await currentTenetsIn(trx, now, input.guildId, input.defaults);
    if (input.basedOn !== undefined && input.basedOn !== current.version) return { kind: 'conflict', set: current };
    const changes = diffTenets(current.tenets, tenets);
    const reordered = current.tenets.map((t) => key(t.name)).join('\n') !== tenets.map((t) => key(t.name)).join('\n');
    if (changes.changed.length === 0 && changes.removed.length === 0 && !reordered) return { kind: 'unchanged', set: current };
    const version = current.version + 1;
    await trx
      .insertInto('onboarding_tenet_versions')
      .values({ guild_id: input.guildId, version, tenets: JSON.stringify(tenets), origin: input.origin, created_by: input.by, created_at: now.toISOString() })
      .execute();
    return { kind: 'saved', set: { version, tenets, origin: input.origin, createdAt: now }, changes };
  });
}

/**
 * Asks everyone who finished their walk on an earlier version to re-commit to what changed. The
 * prompts go out from the ticker, a few at a time, so a large server doesn't hit Discord's limits.
 */
export async function requestRecommit(deps: Deps, guildId: string, version: number): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('onboarding_walks')
      .set({ recommit_version: version, recommit_sent_at: null })
      .where('guild_id', '=', guildId)
      .where('step', '=', 'done')
      .where('left_at', 'is', null)
      .where('tenet_version', '<', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

export type RecommitResult =
  | { readonly kind: 'recommitted'; readonly tenets: readonly Tenet[]; readonly version: number }
  | { readonly kind: 'not-asked' }
  /** The tenets changed again since this prompt; the member is asked about the newest version instead. */
  | { readonly kind: 'outdated'; readonly version: number };

/** Records a member's commitment to the tenets that changed between their version and `version`. */
export async function recommit(deps: Deps, input: { guildId: string; userId: string; version: number }): Promise<RecommitResult> {
  return deps.db.transaction().execute(async (trx): Promise<RecommitResult> => {
    const walk = await trx
      .selectFrom('onboarding_walks')
      .select(['tenet_version', 'recommit_version'])
      .where('guild_id', '=', input.guildId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst();
    if (!walk || walk.recommit_version === null) return { kind: 'not-asked' };
    if (walk.recommit_version !== input.version) return { kind: 'outdated', version: walk.recommit_version };
    const [before, after] = await Promise.all([tenetsAt(trx, input.guildId, walk.tenet_version), tenetsAt(trx, input.guildId, input.version)]);
    if (!after) return { kind: 'not-asked' };
    const { changed } = diffTenets(before?.tenets ?? [], after.tenets);
    const now = deps.clock.now().toISOString();
    for (const tenet of changed) {
      await trx
        .insertInto('onboarding_commitments')
        .values({ guild_id: input.guildId, user_id: input.userId, tenet_version: input.version, tenet_name: tenet.name, reflection: null, committed_at: now })
        .onConflict((conflict) => conflict.columns(['guild_id', 'user_id', 'tenet_version', 'tenet_name']).doNothing())
        .execute();
    }
    await trx
      .updateTable('onboarding_walks')
      .set({ tenet_version: input.version, recommit_version: null, recommit_sent_at: null })
      .where('guild_id', '=', input.guildId)
      .where('user_id', '=', input.userId)
      .execute();
    return { kind: 'recommitted', tenets: changed, version: input.version };
  });
}

/** Members still here who finished their walk on a version older than `version`. */
export async function countCommittedBefore(db: Db, guildId: string, version: number): Promise<number> {
  const row = await db
    .selectFrom('onboarding_walks')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('guild_id', '=', guildId)
    .where('step', '=', 'done')
    .where('left_at', 'is', null)
    .where('tenet_version', '<', version)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
