import type { z } from 'zod';
import { FieldErrors, type DiscordErrorTree, type DiscordFieldError } from './errors.js';

/**
 * Turns validation failures into Discord's nested error tree. Schemas in this folder attach the
 * Discord error to each issue they raise (see `report` in primitives.ts); zod's own issues (wrong
 * type, missing field, value not in a list) are translated here, once, for every schema.
 */

export interface LocatedFieldError {
  readonly path: readonly PropertyKey[];
  readonly error: DiscordFieldError;
}

/** The key under which schemas stash the Discord error code in a zod custom issue. */
export const DISCORD_CODE_PARAM = 'discordCode';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function childAt(node: DiscordErrorTree, key: string): DiscordErrorTree {
  const existing = node[key];
  if (existing !== undefined && !Array.isArray(existing)) return existing;
  const created: DiscordErrorTree = {};
  node[key] = created;
  return created;
}

export function errorTree(errors: readonly LocatedFieldError[]): DiscordErrorTree {
  const root: DiscordErrorTree = {};
  for (const { path, error } of errors) {
    const leaf = path.reduce<DiscordErrorTree>((node, key) => childAt(node, String(key)), root);
    const list = leaf['_errors'];
    if (Array.isArray(list)) list.push(error);
    else leaf['_errors'] = [error];
  }
  return root;
}

function typeError(expected: string, input: unknown): DiscordFieldError {
  switch (expected) {
    case 'string':
      return FieldErrors.notString(input);
    case 'int':
      return FieldErrors.notInt(input);
    case 'number':
      return FieldErrors.notNumber(input);
    case 'boolean':
      return FieldErrors.notBoolean(input);
    case 'array':
    case 'tuple':
      return FieldErrors.notArray;
    default:
      return FieldErrors.notObject;
  }
}

const isChoice = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** One zod issue as the Discord error it stands for. Parse with `reportInput: true` so values can be quoted. */
export function fieldErrorFromIssue(issue: z.core.$ZodIssue): DiscordFieldError {
  switch (issue.code) {
    case 'custom': {
      const params: unknown = issue.params;
      const code = isRecord(params) ? params[DISCORD_CODE_PARAM] : undefined;
      return typeof code === 'string' ? { code, message: issue.message } : fallback(issue);
    }
    case 'invalid_type':
      // Discord reads a null the way it reads a missing key.
      return issue.input === undefined || issue.input === null ? FieldErrors.required : typeError(issue.expected, issue.input);
    case 'invalid_value':
      return FieldErrors.choices(issue.values.filter(isChoice));
    case 'invalid_union': {
      // `z.union([z.literal(60), z.literal(1440)])` is a list of choices in all but name.
      const values = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_value' ? inner.values.filter(isChoice) : []));
      return values.length > 0 ? FieldErrors.choices(values) : fallback(issue);
    }
    case 'invalid_format':
      return FieldErrors.regex;
    case 'too_big':
      return bound(issue.origin, Number(issue.maximum), 'max') ?? fallback(issue);
    case 'too_small':
      return bound(issue.origin, Number(issue.minimum), 'min') ?? fallback(issue);
    default:
      return fallback(issue);
  }
}

/** Zod's own `.max()` and `.min()`, for schemas written with them rather than primitives.ts. */
function bound(origin: string, limit: number, side: 'min' | 'max'): DiscordFieldError | undefined {
  switch (origin) {
    case 'string':
    case 'array':
    case 'set':
      return side === 'max' ? FieldErrors.maxLength(limit) : FieldErrors.minLength(limit);
    case 'number':
    case 'int':
      return side === 'max' ? FieldErrors.numberMax(limit) : FieldErrors.numberMin(limit);
    default:
      return undefined;
  }
}

/** An issue with no Discord counterpart keeps zod's words rather than a guessed code. */
const fallback = (issue: z.core.$ZodIssue): DiscordFieldError => ({ code: 'BASE_TYPE_INVALID', message: issue.message });

export function zodIssuesToErrorTree(issues: readonly z.core.$ZodIssue[]): DiscordErrorTree {
  return errorTree(issues.map((issue) => ({ path: issue.path, error: fieldErrorFromIssue(issue) })));
}
