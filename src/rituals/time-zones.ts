/**
 * IANA time zones, as the runtime knows them. Only real places (plus UTC) are accepted: a fixed
 * abbreviation like `EST` never moves for daylight saving, so a ritual set in it would drift an
 * hour from the community's clock every spring and autumn.
 */

const ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const BY_LOWER: ReadonlyMap<string, string> = new Map(ZONES.map((zone) => [zone.toLowerCase(), zone]));

/** The zone's canonical spelling, or undefined when it isn't one we accept. */
export function canonicalTimeZone(input: string): string | undefined {
  return BY_LOWER.get(input.trim().toLowerCase().replace(/ /g, '_'));
}

export function unknownTimeZoneMessage(input: string): string {
  const example = 'like `America/New_York`, `Europe/London` or `Australia/Sydney`';
  return `I don't know the time zone \`${input.trim() || ' '}\`. Start typing a city ${example}, and pick one from the list.`;
}

/** Up to 25 zones matching what a moderator has typed, the server's own zone first. */
export function suggestTimeZones(typed: string, preferred?: string): string[] {
  const words = typed.trim().toLowerCase().replace(/ /g, '_');
  const matches = ZONES.filter((zone) => zone.toLowerCase().includes(words));
  const first = preferred !== undefined && matches.includes(preferred) ? [preferred] : [];
  // Zones whose city starts with what was typed read as the better guesses.
  const startsCity = (zone: string) => (zone.split('/').at(-1) ?? '').toLowerCase().startsWith(words);
  const rest = matches.filter((zone) => zone !== preferred).sort((a, b) => Number(startsCity(b)) - Number(startsCity(a)));
  return [...first, ...rest].slice(0, 25);
}
