import { randomInt } from 'node:crypto';

/**
 * A problem the member can fix or should know about (bad input, not allowed, nothing to do).
 * Its message is shown as is, so it must be written for a teacher, not an engineer.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

// No 0/O or 1/I, so a reference read out over voice or retyped from a screenshot survives.
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short id that ties what the member sees to the log line a maintainer will search for. */
export function errorReference(): string {
  return Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
}

export function somethingWentWrong(reference: string): string {
  return `Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment; if it keeps happening, share this reference with a moderator: \`${reference}\`.`;
}

/**
 * The database was locked by another program (a backup, a `sqlite3` shell) for longer than an
 * interaction can wait. Said only when true: the work rolled back and nothing else had committed.
 */
export const DATABASE_BUSY_NOTHING_SAVED =
  "The database is busy for a moment, so I couldn't do that, and nothing was saved. Please try again in a minute.";

/** The same, when some of the work had already been saved before the database got busy. */
export const DATABASE_BUSY_PARTLY_SAVED =
  "The database got busy partway through, so I couldn't finish that; some of it may already be saved. Please try again in a minute.";
