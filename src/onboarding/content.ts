import { z } from 'zod';
import { DATA_DIR } from '../content/community.js';
import { ContentError, loadContentFile, type ContentResult } from '../content/load.js';
import { localize, TRANSLATED_LANGUAGES, translationsSchema, type Translations } from '../i18n/content.js';
import { readerOf } from '../i18n/locales.js';
import { hasVisibleText } from '../text.js';
import { hereBecauseValue, valuesFieldValue } from './field-text.js';

/**
 * The onboarding content shipped in `data/onboarding/`: the default tenets (quoted from the Roots
 * community page), the "you may want to join if…" reasons members pick from when they introduce
 * themselves, and the community's why and values.
 */

/** Discord's limit for one embed field's value. */
const FIELD_MAX = 1024;

/**
 * The longest a field built from every item gets, in English or any translation: each language's
 * members see their own version, and each must fit Discord's limit.
 */
function longestInAnyLanguage<T extends object>(items: ReadonlyArray<T & { readonly translations?: Translations<T> | undefined }>, field: (items: T[]) => string): number {
  return Math.max(...['en', ...TRANSLATED_LANGUAGES].map((language) => field(items.map((item) => localize<T>(item, item.translations, readerOf(language)).value)).length));
}

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

export type ShippedTenet = z.output<typeof ShippedTenetSchema>;

const sameName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

/**
 * A shipped tenet: the community's own words in English, and their translations. A translation
 * belongs to those exact words: a tenet moderators reworded has none, and shows as written.
 */
const ShippedTenetSchema = TenetSchema.extend({ translations: translationsSchema(TenetSchema) });

/** One to five tenets with different names: the rule for the shipped file and for moderators' edits alike. */
function tenetList<S extends z.ZodType<Tenet>>(item: S) {
  return z
    .array(item)
    .min(1, 'needs at least one tenet')
    .max(TENET_LIMITS.count, `can hold at most ${TENET_LIMITS.count} tenets`)
    .check((ctx) => {
      ctx.value.forEach((tenet, index) => {
        if (ctx.value.findIndex((other) => sameName(other.name, tenet.name)) !== index) {
          ctx.issues.push({ code: 'custom', input: tenet.name, path: [index, 'name'], message: `"${tenet.name}" is already the name of another tenet`, params: { duplicate: true } });
        }
      });
    });
}

export const TenetListSchema = tenetList(TenetSchema);

const TenetsFileSchema = z.strictObject({ tenets: tenetList(ShippedTenetSchema) });

/** Reasons are offered in a select menu: Discord allows 25 options, labels of 100 characters. */
const JoinReasonWords = z.strictObject({
  /** As the community page words it, shown in the form. */
  text: boundedText(100),
  /** In the third person, shown in the member's introduction post. */
  short: boundedText(80),
});

export const JoinReasonSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be a short id in lowercase letters, digits and dashes'),
  ...JoinReasonWords.shape,
  translations: translationsSchema(JoinReasonWords),
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
      const length = longestInAnyLanguage(ctx.value, hereBecauseValue);
      if (length > FIELD_MAX) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `together the reasons' "short" texts make "Here because" in an introduction post ${length} characters when a member picks them all; Discord allows ${FIELD_MAX}: shorten some, or offer fewer reasons`,
        });
      }
    }),
});

const CommunityValueWords = z.strictObject({ name: boundedText(40), text: boundedText(300) });

export const CommunityValueSchema = CommunityValueWords.extend({ translations: translationsSchema(CommunityValueWords) });

export type CommunityValue = z.output<typeof CommunityValueSchema>;

const WhyWords = z.strictObject({ why: boundedText(400) });

const ValuesFileSchema = z.strictObject({
  ...WhyWords.shape,
  translations: translationsSchema(WhyWords),
  values: z
    .array(CommunityValueSchema)
    .min(1, 'needs at least one value')
    .max(10, 'can hold at most 10 values')
    .check((ctx) => {
      // `/tenets show` lists every value, name and text, in one field.
      const length = longestInAnyLanguage(ctx.value, valuesFieldValue);
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
  /** The default tenets' words, as a server stores them; a server's moderators may replace them (`/tenets edit`). */
  readonly tenets: readonly Tenet[];
  /** The same tenets with their translations, looked up by their words when a tenet is shown. */
  readonly shippedTenets: readonly ShippedTenet[];
  readonly joinReasons: readonly JoinReason[];
  readonly why: { readonly why: string; readonly translations?: z.output<typeof ValuesFileSchema>['translations'] };
  readonly values: readonly CommunityValue[];
}

export async function loadOnboardingContent(dir = `${DATA_DIR}onboarding/`): Promise<ContentResult<OnboardingContent>> {
  const [tenets, reasons, values] = await Promise.all([
    loadContentFile(`${dir}tenets.json`, TenetsFileSchema),
    loadContentFile(`${dir}join-reasons.json`, JoinReasonsFileSchema),
    loadContentFile(`${dir}values.json`, ValuesFileSchema),
  ]);
  if (tenets.ok && reasons.ok && values.ok) {
    const shipped = tenets.value.tenets;
    const why = { why: values.value.why, ...(values.value.translations ? { translations: values.value.translations } : {}) };
    return {
      ok: true,
      value: { tenets: shipped.map(({ name, text }) => ({ name, text })), shippedTenets: shipped, joinReasons: reasons.value.reasons, why, values: values.value.values },
    };
  }
  const problems = [tenets, reasons, values].flatMap((result) => (result.ok ? [] : result.error.problems));
  return { ok: false, error: new ContentError(problems) };
}
