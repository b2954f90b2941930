import {
  ApplicationCommandOptionType,
  type APIApplicationCommand,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type Locale,
  type LocalizationMap,
} from 'discord-api-types/v10';

/**
 * The slash commands the bot published, as a person would type them: each runnable path
 * (`/ritual create`) with a usage line built from its options, whatever commands exist.
 */

/**
 * A command's words as Discord's client shows them to someone whose Discord is in `locale`: the
 * bot's translation for that language when it published one, else its own words.
 */
export function inLocale(words: string, localizations: LocalizationMap | null | undefined, locale: string | undefined): string {
  return (locale === undefined ? undefined : localizations?.[locale as Locale]) ?? words;
}

export interface RunnableCommand {
  /** `ritual create`: the command and its subcommand path. */
  readonly path: string;
  readonly description: string;
  readonly options: readonly APIApplicationCommandBasicOption[];
}

const isBranch = (option: APIApplicationCommandOption) =>
  option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;

function walk(path: string, description: string, options: readonly APIApplicationCommandOption[], locale: string | undefined): RunnableCommand[] {
  const branches = options.filter(isBranch);
  if (branches.length === 0) return [{ path, description, options: options as APIApplicationCommandBasicOption[] }];
  return branches.flatMap((branch) =>
    walk(`${path} ${branch.name}`, inLocale(branch.description, branch.description_localizations, locale), 'options' in branch ? (branch.options ?? []) : [], locale),
  );
}

/** Each way to run `command`, described in `locale`'s words where the bot translated them. */
export function runnable(command: APIApplicationCommand, locale?: string): RunnableCommand[] {
  return walk(command.name, inLocale(command.description, command.description_localizations, locale), command.options ?? [], locale);
}

/** The runnable command a typed path names, e.g. `course progress`. */
export function findRunnable(commands: readonly APIApplicationCommand[], path: string): RunnableCommand | undefined {
  return commands.flatMap((command) => runnable(command)).find((c) => c.path === path);
}

export function optionSample(option: APIApplicationCommandBasicOption): string {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const choices = option.choices ?? [];
      if (choices.length > 0) return choices.slice(0, 4).map((c) => String(c.value)).join('|') + (choices.length > 4 ? '|…' : '');
      return option.type === ApplicationCommandOptionType.String ? 'text' : 'number';
    }
    case ApplicationCommandOptionType.Boolean:
      return 'true|false';
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable:
      return '@name';
    case ApplicationCommandOptionType.Role:
      return '@role';
    case ApplicationCommandOptionType.Channel:
      return '#channel';
    case ApplicationCommandOptionType.Attachment:
      return 'path/to/file';
  }
}

/** `/ritual create kind:poem|podcast channel:#channel [cron:text]`: optional options in brackets. */
export function usage(command: RunnableCommand): string {
  const options = command.options.map((option) => {
    const sample = `${option.name}:${optionSample(option)}`;
    return option.required ? sample : `[${sample}]`;
  });
  return [`/${command.path}`, ...options].join(' ');
}
