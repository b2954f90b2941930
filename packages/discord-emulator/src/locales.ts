import { Locale } from 'discord-api-types/v10';

/** Discord's locale codes (developer docs, Reference, "Locales"): what clients and servers may be set to. */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set<string>(Object.values(Locale));

/** A locale a world is built with; anything Discord has no such code for is the test's mistake, said at once. */
export function discordLocale(code: string): string {
  if (!DISCORD_LOCALES.has(code)) {
    throw new RangeError(`"${code}" is not a Discord locale; Discord has ${[...DISCORD_LOCALES].join(', ')}.`);
  }
  return code;
}
