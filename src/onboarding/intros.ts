import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { discordLength, hasVisibleText } from '../text.js';
import type { JoinReason } from './content.js';

type Deps = Pick<BotContext, 'db' | 'clock'>;

/** The roles a member picks from when introducing themselves; the catalogue names them (`role.*`). */
export const MEMBER_ROLES = ['teacher', 'coach', 'leader', 'other'] as const;

export type MemberRole = (typeof MEMBER_ROLES)[number];

const MemberRoleSchema = z.enum(MEMBER_ROLES);

/** The form's boxes a member types in. */
export type IntroField = 'name' | 'schoolRegion' | 'note';

/** What can be wrong with an introduction, one value per box; the view words it in the member's language. */
export type IntroProblem =
  | { readonly kind: 'too-long'; readonly field: IntroField; readonly max: number; readonly length: number }
  | { readonly kind: 'no-name' }
  | { readonly kind: 'no-role' }
  | { readonly kind: 'no-reason' }
  | { readonly kind: 'unknown-reason' };

const SimpleProblem = z.enum(['no-name', 'no-role', 'no-reason', 'unknown-reason']);
const TooLong = z.object({ field: z.enum(['name', 'schoolRegion', 'note']), max: z.number(), length: z.number() });

export const INTRO_LIMITS = { name: 80, schoolRegion: 100, note: 300 } as const;

/**
 * One text box of the form, checked again on arrival: a client may ignore the form's own limits.
 * The member is told which box, its limit and how long theirs is. Text that shows nothing (zero-width
 * characters, blanks) counts as empty. Issues carry an {@link IntroProblem}'s kind as their message,
 * so {@link introProblems} can read them back as values.
 */
const formText = (field: IntroField) =>
  z
    .string()
    .trim()
    .check((ctx) => {
      const length = discordLength(ctx.value);
      const max = INTRO_LIMITS[field];
      if (length > max) ctx.issues.push({ code: 'custom', input: ctx.value, message: 'too-long', params: { field, max, length } });
    });

const optionalText = (field: IntroField) => formText(field).transform((value) => (hasVisibleText(value) ? value : null));

/** What a member tells the community about themselves. */
export interface Intro {
  readonly name: string;
  readonly role: MemberRole;
  readonly schoolRegion: string | null;
  /** Join reason ids, in the order the content lists them. */
  readonly reasons: readonly string[];
  readonly note: string | null;
}

/** The form's answers, checked again on arrival: a form is input like any other. */
export function introSchema(reasons: readonly JoinReason[]) {
  const known = new Set(reasons.map((reason) => reason.id));
  return z.object({
    name: formText('name').refine(hasVisibleText, 'no-name'),
    role: z.array(MemberRoleSchema).length(1, 'no-role').transform(([role]) => role as MemberRole),
    schoolRegion: optionalText('schoolRegion'),
    reasons: z
      .array(z.string())
      .min(1, 'no-reason')
      .refine((ids) => ids.every((id) => known.has(id)), 'unknown-reason')
      .transform((ids) => reasons.map((reason) => reason.id).filter((id) => ids.includes(id))),
    note: optionalText('note'),
  }) satisfies z.ZodType<Intro, unknown>;
}

/** The problems {@link introSchema} found, as values. */
export function introProblems(error: z.ZodError): IntroProblem[] {
  return error.issues.map((issue): IntroProblem => {
    if (issue.code === 'custom' && issue.message === 'too-long') return { kind: 'too-long', ...TooLong.parse(issue.params) };
    const simple = SimpleProblem.safeParse(issue.message);
    // A role that isn't on the list arrives as an invalid option: the member picks again.
    return { kind: simple.success ? simple.data : 'no-role' };
  });
}

export async function saveIntroIn(trx: Db, guildId: string, userId: string, intro: Intro, at: Date): Promise<void> {
  const values = {
    name: intro.name,
    role: intro.role,
    school_region: intro.schoolRegion,
    reasons: JSON.stringify(intro.reasons),
    note: intro.note,
    channel_id: null,
    message_id: null,
    created_at: at.toISOString(),
  };
  await trx
    .insertInto('onboarding_intros')
    .values({ guild_id: guildId, user_id: userId, ...values })
    .onConflict((conflict) => conflict.columns(['guild_id', 'user_id']).doUpdateSet(values))
    .execute();
}

export async function recordIntroPost(deps: Deps, guildId: string, userId: string, post: { channelId: string; messageId: string }): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    trx
      .updateTable('onboarding_intros')
      .set({ channel_id: post.channelId, message_id: post.messageId })
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .execute(),
  );
}

/**
 * A first connection: someone who introduced themselves recently and is still here, in the same
 * role if possible, so the newcomer has one person to say hello to.
 */
export async function suggestConnection(db: Db, guildId: string, userId: string, role: MemberRole): Promise<{ userId: string; sameRole: boolean } | undefined> {
  const recent = (sameRole: boolean) => {
    let query = db
      .selectFrom('onboarding_intros as intro')
      .innerJoin('onboarding_walks as walk', (join) => join.onRef('walk.guild_id', '=', 'intro.guild_id').onRef('walk.user_id', '=', 'intro.user_id'))
      .select('intro.user_id')
      .where('intro.guild_id', '=', guildId)
      .where('intro.user_id', '!=', userId)
      .where('walk.left_at', 'is', null)
      .where('walk.step', '=', 'done');
    if (sameRole) query = query.where('intro.role', '=', role);
    return query.orderBy('intro.created_at', 'desc').limit(1).executeTakeFirst();
  };
  const peer = await recent(true);
  if (peer) return { userId: peer.user_id, sameRole: true };
  const anyone = await recent(false);
  return anyone ? { userId: anyone.user_id, sameRole: false } : undefined;
}
