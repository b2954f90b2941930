import { MessageFlags } from 'discord-api-types/v10';
import { FieldErrors } from './errors.js';
import { int, report } from './primitives.js';

/**
 * Message flags a request may carry.
 *
 * Which flags each endpoint accepts: Discord developer docs, Messages resource, "Create Message"
 * (SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2) and "Edit Message" (SUPPRESS_EMBEDS
 * and IS_COMPONENTS_V2; "unsupported flag changes are currently ignored without error");
 * Receiving and Responding, "Interaction Callback Data Structure" (adds EPHEMERAL; a deferred
 * response takes EPHEMERAL alone). IS_COMPONENTS_V2 and IS_VOICE_MESSAGE are refused everywhere:
 * the emulator does not model those messages, and accepting them would hide that.
 */

/** SCREAMING_SNAKE names, as Discord's docs and errors spell flags. */
const FLAG_NAMES = new Map<number, string>(
  Object.entries(MessageFlags).flatMap(([name, value]) =>
    typeof value === 'number' ? [[value, name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()] as const] : [],
  ),
);

const NOT_EMULATED = BigInt(MessageFlags.IsComponentsV2 | MessageFlags.IsVoiceMessage);

function maskOf(flags: readonly MessageFlags[]): bigint {
  return flags.reduce((mask, flag) => mask | BigInt(flag), 0n);
}

function namesOf(bits: bigint): string[] {
  const names: string[] = [];
  for (let bit = 0n; bits >> bit !== 0n; bit += 1n) {
    const value = 1n << bit;
    if ((bits & value) !== 0n) names.push(FLAG_NAMES.get(Number(value)) ?? `1 << ${bit}`);
  }
  return names;
}

/** Flags for a new message: any flag outside `settable` is refused. */
export function settableFlags(settable: readonly MessageFlags[]) {
  const allowed = maskOf(settable) & ~NOT_EMULATED;
  return int({ min: 0 }).check((ctx) => {
    const extra = BigInt(ctx.value) & ~allowed;
    if (extra !== 0n) report(ctx, FieldErrors.flagsNotAllowed(namesOf(extra)));
  });
}

/** Flags on an edit: Discord ignores the ones that cannot change, so they are dropped, not refused. */
export function editableFlags(editable: readonly MessageFlags[]) {
  const allowed = maskOf(editable) & ~NOT_EMULATED;
  return int({ min: 0 })
    .check((ctx) => {
      const refused = BigInt(ctx.value) & NOT_EMULATED;
      if (refused !== 0n) report(ctx, FieldErrors.flagsNotAllowed(namesOf(refused)));
    })
    .transform((value) => Number(BigInt(value) & allowed));
}
