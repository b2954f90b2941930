import { z } from 'zod';

/**
 * Buttons, selects and modals carry their state in `custom_id`, never in memory, so a click still
 * works after a restart. The scheme is `domain:action:version[:arg...]`:
 * - `domain:action` picks the handler;
 * - `version` lets a handler change its arguments while old messages, still on screen for weeks,
 *   are told kindly to start again rather than misread;
 * - args are short strings (IDs, numbers), each validated by zod when the click arrives.
 */
export const CUSTOM_ID_MAX_LENGTH = 100; // Discord's limit for components and modals
const SEPARATOR = ':';

type Args = readonly z.ZodType[];
type ArgValues<A extends Args> = { readonly [K in keyof A]: z.output<A[K]> };
type ArgInputs<A extends Args> = { readonly [K in keyof A]: string | number | bigint };

export interface CustomIdSpec<A extends Args = Args> {
  readonly domain: string;
  readonly action: string;
  readonly version: number;
  /** `domain:action`, the router's lookup key. */
  readonly key: string;
  encode(...args: ArgInputs<A>): string;
  decodeArgs(raw: readonly string[]): ArgValues<A> | undefined;
}

const NAME = /^[a-z][a-z0-9-]*$/;
/** A positive integer as written by `String(n)`: no sign, exponent, leading zero or spaces. */
const CANONICAL_POSITIVE = /^[1-9]\d*$/;

/**
 * The argument types custom_ids carry, parsed strictly: a click whose custom_id was written by
 * anything but `encode` (a forged or corrupted one) matches no handler.
 */
export const arg = {
  /** A database row id: a positive safe integer. */
  id: z
    .string()
    .regex(CANONICAL_POSITIVE)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n)),
  /** A small count or position (a step index, a version): 0 to 999. */
  index: z
    .string()
    .regex(/^(0|[1-9]\d{0,2})$/)
    .transform(Number),
  /** A Discord snowflake (user, channel, message), kept as a string. */
  snowflake: z.string().regex(/^[1-9]\d{16,19}$/),
  /** A content key such as a course or protocol id: lowercase letters, digits and dashes. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
} as const;

export function customId<const A extends Args>(domain: string, action: string, version: number, args: A): CustomIdSpec<A> {
  if (!NAME.test(domain) || !NAME.test(action)) throw new TypeError(`custom_id names must be lowercase words, got ${domain}:${action}`);
  if (!Number.isInteger(version) || version < 1) throw new TypeError(`custom_id version must be a positive integer, got ${version}`);
  const key = `${domain}${SEPARATOR}${action}`;
  return {
    domain,
    action,
    version,
    key,
    encode(...values) {
      const parts = values.map(String);
      const bad = parts.find((part) => part.includes(SEPARATOR) || part.length === 0);
      if (bad !== undefined) throw new TypeError(`custom_id argument ${JSON.stringify(bad)} for ${key} is empty or contains "${SEPARATOR}"`);
      const encoded = [key, String(version), ...parts].join(SEPARATOR);
      if (encoded.length > CUSTOM_ID_MAX_LENGTH) throw new RangeError(`custom_id for ${key} is ${encoded.length} characters; Discord allows ${CUSTOM_ID_MAX_LENGTH}`);
      return encoded;
    },
    decodeArgs(raw) {
      if (raw.length !== args.length) return undefined;
      const decoded: unknown[] = [];
      for (const [index, schema] of args.entries()) {
        const result = schema.safeParse(raw[index]);
        if (!result.success) return undefined;
        decoded.push(result.data);
      }
      return decoded as unknown as ArgValues<A>;
    },
  };
}

export interface ParsedCustomId {
  readonly key: string;
  readonly version: number;
  readonly args: readonly string[];
}

/** Splits a custom_id without knowing its handler; undefined when it isn't ours at all. */
export function parseCustomId(value: string): ParsedCustomId | undefined {
  const [domain, action, version, ...args] = value.split(SEPARATOR);
  if (domain === undefined || action === undefined || version === undefined) return undefined;
  // `1e0` or `01` would read as 1 through Number(): only what encode() writes is a version.
  if (!CANONICAL_POSITIVE.test(version)) return undefined;
  return { key: `${domain}${SEPARATOR}${action}`, version: Number(version), args };
}
