import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMPLETE_LANGUAGES, DEFAULT_LANGUAGE, DISCORD_LOCALES_OF, type Language } from '../i18n/locales.js';

/** The languages a command is translated into; English is what the builder says. */
type Translated = Exclude<Language, 'en'>;

/**
 * A slash command's words in the languages other than English, keyed by where they sit in the
 * definition: `description`, `enroll.description`, `enroll.course.description`,
 * `stats.period.choice.week`, and `….name` for a translated name. English stays in the builder.
 * Complete languages must translate every description and choice; names are optional, since a
 * member who knows the English name should still find the command.
 */
export type CommandLocalizations = Readonly<Partial<Record<Translated, Readonly<Record<string, string>>>>>;

interface Localizable {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
}

/** Every name and description in a definition with its key, so each can be localized and checked. */
function* places(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): Generator<{ key: string; node: Localizable; choices?: APIApplicationCommandOptionChoice[] }> {
  yield { key: '', node: definition };
  function* walk(options: readonly APIApplicationCommandOption[] | undefined, prefix: string): Generator<{ key: string; node: Localizable; choices?: APIApplicationCommandOptionChoice[] }> {
    for (const option of options ?? []) {
      const key = `${prefix}${option.name}`;
      const choices = 'choices' in option && Array.isArray(option.choices) ? (option.choices as APIApplicationCommandOptionChoice[]) : undefined;
      yield { key, node: option, ...(choices ? { choices } : {}) };
      if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
        yield* walk(option.options, `${key}.`);
      }
    }
  }
  yield* walk(definition.options, '');
}

const at = (key: string, field: string) => (key === '' ? field : `${key}.${field}`);

function localizedMap(localizations: CommandLocalizations, key: string): LocalizationMap | undefined {
  const map: Record<string, string> = {};
  for (const [language, words] of Object.entries(localizations) as [Translated, Readonly<Record<string, string>> | undefined][]) {
    const word = words?.[key];
    if (word === undefined) continue;
    for (const locale of DISCORD_LOCALES_OF[language]) map[locale] = word;
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

/**
 * The definition with its translations filled in, and what is wrong with them: a description or
 * choice a complete language lacks, or a key that names nothing in the definition (a typo, or a
 * translation left behind by a renamed option).
 */
export function localizeDefinition(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  localizations: CommandLocalizations,
): { readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody; readonly problems: readonly string[] } {
  const localized = structuredClone(definition);
  const problems: string[] = [];
  const known = new Set<string>();
  // Every description and choice is something a member reads: a complete language must have it.
  const requireComplete = (path: string) => {
    for (const language of COMPLETE_LANGUAGES) {
      if (language !== DEFAULT_LANGUAGE && localizations[language as Translated]?.[path] === undefined) problems.push(`/${definition.name}: no ${language} for "${path}"`);
    }
  };
  for (const { key, node, choices } of places(localized)) {
    const fields: [string, 'name_localizations' | 'description_localizations'][] = [['name', 'name_localizations']];
    if (node.description !== undefined) fields.push(['description', 'description_localizations']);
    for (const [field, target] of fields) {
      const path = at(key, field);
      known.add(path);
      const map = localizedMap(localizations, path);
      if (map !== undefined) node[target] = map;
      if (field === 'description') requireComplete(path);
    }
    for (const choice of choices ?? []) {
      const path = at(key, `choice.${String(choice.value)}`);
      known.add(path);
      const map = localizedMap(localizations, path);
      if (map !== undefined) choice.name_localizations = map;
      requireComplete(path);
    }
  }
  for (const [language, words] of Object.entries(localizations)) {
    for (const key of Object.keys(words ?? {})) if (!known.has(key)) problems.push(`/${definition.name}: the ${language} "${key}" matches nothing in the command`);
  }
  return { definition: localized, problems };
}
