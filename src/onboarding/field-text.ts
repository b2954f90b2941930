/**
 * The text of the two embed fields whose length depends on content alone. They live in the domain,
 * not beside the views, because start-up checks that the shipped content keeps them within
 * Discord's 1024 characters for a field. They take the shapes they read, not content.ts's types, so
 * content.ts can use them without a circle.
 */

/** "Here because" in an introduction post: every reason the member picked, one a line. */
export function hereBecauseValue(picked: ReadonlyArray<{ readonly short: string }>): string {
  return picked.map((reason) => `• ${reason.short}`).join('\n');
}

/** "What we value" on `/tenets show`: every value, name and text. */
export function valuesFieldValue(values: ReadonlyArray<{ readonly name: string; readonly text: string }>): string {
  return values.map((value) => `**${value.name}**: ${value.text}`).join('\n');
}
