import { createHash } from 'node:crypto';

/**
 * The `nonce` a ritual post carries, with `enforce_nonce: true`: Discord then answers a repeated
 * send (a retry after a lost response, a restart mid-send) with the message it already created
 * instead of posting again. It must be the same every time the same occurrence is sent, so it is
 * derived from the occurrence, never random. Discord allows 25 characters.
 */
export const NONCE_MAX_LENGTH = 25;

export type NoncePart = 'post' | 'opening';

export function nonceFor(scheduleId: number, occurrenceAt: Date, part: NoncePart): string {
  const digest = createHash('sha256').update(`roots-ritual:${scheduleId}:${occurrenceAt.toISOString()}:${part}`).digest('base64url');
  return `${part === 'post' ? 'r' : 'q'}${digest}`.slice(0, NONCE_MAX_LENGTH);
}
