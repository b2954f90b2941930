import { randomInt } from 'node:crypto';
import { ENGLISH, type Reader } from '../i18n/locales.js';
import { interactionMessages } from './messages.js';

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

/** The apology for an unexpected failure, with the reference that finds its log line. */
export function somethingWentWrong(reference: string, reader: Reader = ENGLISH): string {
  return interactionMessages.for(reader)('something-went-wrong', { reference });
}

/**
 * The database was locked by another program (a backup, a `sqlite3` shell) for longer than an
 * interaction can wait. Said truthfully: whether some of the work had already been saved.
 */
export function databaseBusy(wrote: boolean, reader: Reader = ENGLISH): string {
  return interactionMessages.for(reader)(wrote ? 'database-busy-partly-saved' : 'database-busy-nothing-saved');
}
