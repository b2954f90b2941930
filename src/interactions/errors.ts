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
