import {
  ApplicationCommandOptionType,
  type APIApplicationCommand,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';

/**
 * The slash commands the bot published, as a person would type them: each runnable path
 * (`/ritual create`) with a usage line built from its options, whatever commands exist.
 */

export interface RunnableCommand {
  /** `ritual create`: the command and its subcommand path. */
  readonly path: string;
  readonly description: string;
  readonly options: readonly APIApplicationCommandBasicOption[];
}

const isBranch = (option: APIApplicationCommandOption) =>
  option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;

function walk(path: string, description: string, options: readonly APIApplicationCommandOption[]): RunnableCommand[] {
  const branches = options.filter(isBranch);
  if (branches.length === 0) return [{ path, description, options: options as APIApplicationCommandBasicOption[] }];
  return branches.flatMap((branch) => walk(`${path} ${branch.name}`, branch.description, 'options' in branch ? (branch.options ?? []) : []));
}

export function runnable(command: APIApplicationCommand): RunnableCommand[] {
  return walk(command.name, command.description, command.options ?? []);
}

/** The runnable command a typed path names, e.g. `course progress`. */
export function findRunnable(commands: readonly APIApplicationCommand[], path: string): RunnableCommand | undefined {
  return commands.flatMap(runnable).find((c) => c.path === path);
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
