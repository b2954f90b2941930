import { z } from 'zod';
import { DATA_DIR } from '../content/community.js';
import { ContentError, loadContentFile, type ContentResult } from '../content/load.js';
import { hasVisibleText } from '../text.js';
import { hereBecauseValue, valuesFieldValue } from './field-text.js';

/**
 * The onboarding content shipped in `data/onboarding/`: the default tenets (quoted from the Roots
 * community page), the "you may want to join if…" reasons members pick from when they introduce
 * themselves, and the community's why and values.
 */

/** Discord's limit for one embed field's value. */
const FIELD_MAX = 1024;

const boundedText = (max: number) => z.string().trim().refine(hasVisibleText, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * At most five tenets: `/tenets edit` shows one box per tenet, and a Discord form holds five.
 * A name shows in titles and buttons' context, so it stays short.
 */
export const TENET_LIMITS = { count: 5, name: 40, text: 600 } as const;

export const TenetSchema = z.strictObject({
  name: boundedText(TENET_LIMITS.name),
  text: boundedText(TENET_LIMITS.text),
});

export type Tenet = z.output<typeof TenetSchema>;

const sameName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

/** One to five tenets with different names: the rule for the shipped file and for moderators' edits alike. */
export const TenetListSchema = z
  .array(TenetSchema)
  .min(1, 'needs at least one tenet')
  .max(TENET_LIMITS.count, `can hold at most ${TENET_LIMITS.count} tenets`)
  .check((ctx) => {
    ctx.value.forEach((tenet, index) => {
      if (ctx.value.findIndex((other) => sameName(other.name, tenet.name)) !== index) {
        ctx.issues.push({ code: 'custom', input: tenet.name, path: [index, 'name'], message: `"${tenet.name}" is already the name of another tenet` });
      }
    });
  });

const TenetsFileSchema = z.strictObject({ tenets: TenetListSchema });

/** Reasons are offered in a select menu: Discord allows 25 options, labels of 100 characters. */
export const JoinReasonSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be a short id in lowercase letters, digits and dashes'),
  /** As the community page words it, shown in the form. */
  text: boundedText(100),
  /** In the third person, shown in the member's introduction post. */
  short: boundedText(80),
});

export type JoinReason = z.output<typeof JoinReasonSchema>;

const JoinReasonsFileSchema = z.strictObject({
  reasons: z
    .array(JoinReasonSchema)
    .min(1, 'needs at least one reason')
    .max(25, 'can hold at most 25 reasons (a Discord menu shows 25)')
    .check((ctx) => {
      ctx.value.forEach((reason, index) => {
        if (ctx.value.findIndex((other) => other.id === reason.id) !== index) {
          ctx.issues.push({ code: 'custom', input: reason.id, path: [index, 'id'], message: `the id "${reason.id}" is used twice` });
        }
      });
      // A member may pick every reason; their introduction post lists them all in one field.
      const length = hereBecauseValue(ctx.value).length;
      if (length > FIELD_MAX) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `together the reasons' "short" texts make "Here because" in an introduction post ${length} characters when a member picks them all; Discord allows ${FIELD_MAX}: shorten some, or offer fewer reasons`,
        });
      }
    }),
});

export const CommunityValueSchema = z.strictObject({ name: boundedText(40), text: boundedText(300) });

export type CommunityValue = z.output<typeof CommunityValueSchema>;

const ValuesFileSchema = z.strictObject({
  why: boundedText(400),
  values: z
    .array(CommunityValueSchema)
    .min(1, 'needs at least one value')
    .max(10, 'can hold at most 10 values')
    .check((ctx) => {
      // `/tenets show` lists every value, name and text, in one field.
      const length = valuesFieldValue(ctx.value).length;
      if (length > FIELD_MAX) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `together the values make "What we value" on \`/tenets show\` ${length} characters; Discord allows ${FIELD_MAX}: shorten some, or keep fewer`,
        });
      }
    }),
});

export interface OnboardingContent {
  /** The default tenets; a server's moderators may replace them (`/tenets edit`). */
  readonly tenets: readonly Tenet[];
  readonly joinReasons: readonly JoinReason[];
  readonly why: string;
  readonly values: readonly CommunityValue[];
}

export async function loadOnboardingContent(dir = `${DATA_DIR}onboarding/`): Promise<ContentResult<OnboardingContent>> {
  const [tenets, reasons, values] = await Promise.all([
    loadContentFile(`${dir}tenets.json`, TenetsFileSchema),
    loadContentFile(`${dir}join-reasons.json`, JoinReasonsFileSchema),
    loadContentFile(`${dir}values.json`, ValuesFileSchema),
  ]);
  if (tenets.ok && reasons.ok && values.ok) {
    return { ok: true, value: { tenets: tenets.value.tenets, joinReasons: reasons.value.reasons, why: values.value.why, values: values.value.values } };
  }
  const problems = [tenets, reasons, values].flatMap((result) => (result.ok ? [] : result.error.problems));
  return { ok: false, error: new ContentError(problems) };
}
