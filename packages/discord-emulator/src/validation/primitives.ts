import { z } from 'zod';
import { DISCORD_CODE_PARAM, fieldErrorFromIssue } from './error-tree.js';
import { FieldErrors, type DiscordFieldError } from './errors.js';

/**
 * Building blocks whose failures carry Discord's own error, so every schema reports the way
 * Discord does without repeating how. Lengths count Unicode code points, not UTF-16 units: Discord
 * counts an emoji as one character where `String.length` counts two.
 */

/** What zod hands to checks and transforms: the value and the issues raised so far. */
export interface IssueSink {
  readonly value: unknown;
  readonly issues: z.core.$ZodRawIssue[];
}

/** Records a Discord error at `path`, relative to the value being checked. */
export function report(ctx: IssueSink, error: DiscordFieldError, path: readonly PropertyKey[] = []): void {
  ctx.issues.push({ code: 'custom', message: error.message, input: ctx.value, path: [...path], params: { [DISCORD_CODE_PARAM]: error.code } });
}

/** Parses `value` with `schema` as part of the current parse, so its errors land under the current path. */
export function delegate<T>(schema: z.ZodType<T>, value: unknown, ctx: IssueSink): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) report(ctx, fieldErrorFromIssue(issue), issue.path);
  return z.NEVER;
}

/**
 * An object that is one of several kinds, told apart by its integer `type` (components, command
 * options). A `type` with no place here is Discord's UNION_TYPE_CHOICES, on the object itself.
 */
export function byType<T>(cases: ReadonlyMap<number, z.ZodType<T>>) {
  const allowed = [...cases.keys()];
  return z.looseObject({ type: z.unknown() }).transform((value, ctx): T => {
    const schema = typeof value.type === 'number' ? cases.get(value.type) : undefined;
    if (schema !== undefined) return delegate(schema, value, ctx);
    report(ctx, FieldErrors.unionTypeChoices(allowed));
    return z.NEVER;
  });
}

export const codePointLength = (text: string): number => Array.from(text).length;

/** Inclusive bounds on a length or a number; either may be left open. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

const fits = (length: number, { min = 0, max = Infinity }: Bounds): boolean => length >= min && length <= max;

/** Discord names the rule that was broken: an upper bound, a lower bound, or both. */
function lengthError({ min = 0, max }: Bounds): DiscordFieldError {
  if (max === undefined) return FieldErrors.minLength(min);
  return min > 0 ? FieldErrors.badLength(min, max) : FieldErrors.maxLength(max);
}

/** A string within `limits`; with `trim`, surrounding whitespace does not count (embeds are measured so). */
export function text(limits: Bounds & { readonly trim?: boolean } = {}) {
  return z.string().check((ctx) => {
    const measured = limits.trim === true ? ctx.value.trim() : ctx.value;
    if (!fits(codePointLength(measured), limits)) report(ctx, lengthError(limits));
  });
}

export function list<T extends z.ZodType>(item: T, limits: Bounds = {}) {
  return z.array(item).check((ctx) => {
    if (!fits(ctx.value.length, limits)) report(ctx, lengthError(limits));
  });
}

function bounded(ctx: IssueSink, value: number, { min, max }: Bounds, kind: 'int' | 'float'): void {
  if (min !== undefined && value < min) report(ctx, FieldErrors.numberMin(min, kind));
  if (max !== undefined && value > max) report(ctx, FieldErrors.numberMax(max, kind));
}

/** An integer; built on `unknown` so a string is reported as Discord does ("is not int"), not as a non-number. */
export function int(range: Bounds = {}) {
  return z.unknown().transform((value, ctx): number => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      report(ctx, value === undefined || value === null ? FieldErrors.required : FieldErrors.notInt(value));
      return z.NEVER;
    }
    bounded(ctx, value, range, 'int');
    return value;
  });
}

/** A pair of bounds given the wrong way round is reported on the lower one, as a number too large. */
export function checkMinNotAboveMax(ctx: IssueSink, min: number | undefined, max: number | undefined, minKey: string): void {
  if (min !== undefined && max !== undefined && min > max) report(ctx, FieldErrors.numberMax(max), [minKey]);
}

export function num(range: Bounds = {}) {
  return z.number().check((ctx) => bounded(ctx, ctx.value, range, 'float'));
}

/**
 * Optional, with `null` read as absent, as Discord reads it on fields where null means nothing.
 * Fields where null means "clear" (edits) use `.nullish()` and keep the null.
 */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

const SNOWFLAKE = /^\d{1,20}$/;
const MAX_SNOWFLAKE = 2n ** 64n - 1n;

function isSnowflake(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && SNOWFLAKE.test(value) && BigInt(value) <= MAX_SNOWFLAKE;
}

/** An ID as Discord takes it: a string of digits or an integer. Always handed on as a string. */
export function snowflake() {
  return z.unknown().transform((value, ctx): string => {
    if (isSnowflake(value)) return String(value);
    report(ctx, value === undefined || value === null ? FieldErrors.required : FieldErrors.notSnowflake(value));
    return z.NEVER;
  });
}

/** A URL with one of `schemes` (without the colon). */
export function url(schemes: readonly string[]) {
  return z.string().check((ctx) => {
    let parsed: URL;
    try {
      parsed = new URL(ctx.value);
    } catch {
      report(ctx, FieldErrors.invalidUrl);
      return;
    }
    const scheme = parsed.protocol.replace(/:$/, '');
    if (!schemes.includes(scheme)) report(ctx, FieldErrors.invalidUrlScheme(scheme, schemes));
  });
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isoTimestamp() {
  return z.string().check((ctx) => {
    if (!ISO_8601.test(ctx.value) || Number.isNaN(Date.parse(ctx.value))) report(ctx, FieldErrors.dateTime(ctx.value));
  });
}

/** Indices of the members of `values` that repeat an earlier one, by `key`. */
export function repeatedIndices<T>(values: readonly T[], key: (value: T) => unknown): number[] {
  const seen = new Set<unknown>();
  const repeats: number[] = [];
  values.forEach((value, index) => {
    const k = key(value);
    if (seen.has(k)) repeats.push(index);
    else seen.add(k);
  });
  return repeats;
}
