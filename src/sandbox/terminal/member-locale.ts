/**
 * The Discord languages the sandbox lets you give a member (`as alice --locale es`, `join dave
 * --locale es`): the ones the bot writes in, by a short name or by the Discord locale itself.
 */
const LOCALES: Readonly<Record<string, string>> = {
  en: 'en-US',
  'en-us': 'en-US',
  'en-gb': 'en-GB',
  es: 'es-ES',
  'es-es': 'es-ES',
  'es-419': 'es-419',
  pt: 'pt-BR',
  'pt-br': 'pt-BR',
};

/**
 * The Discord locale for what the person typed, or a kind refusal listing what works, ending with
 * `example`: the line they were writing, done right (`as alice --locale es`).
 */
export function memberLocale(typed: string, example: string): { readonly locale: string } | { readonly error: string } {
  const locale = LOCALES[typed.toLowerCase()];
  if (locale !== undefined) return { locale };
  return { error: `I don't know the language "${typed}". Try es (Español), pt (Português do Brasil) or en (English), like ${example}.` };
}
