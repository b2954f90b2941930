import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { localizeDefinition } from './command-localizations.js';
import type { ComponentRoute, SlashCommand } from './handlers.js';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export class CommandRegistryError extends Error {
  override readonly name = 'CommandRegistryError';
  constructor(readonly problems: readonly string[]) {
    super(`The slash commands can't be loaded:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface CommandRegistry {
  readonly commands: ReadonlyMap<string, SlashCommand>;
  readonly components: ReadonlyMap<string, ComponentRoute>;
  /** The definitions to publish to Discord, in a stable order. */
  readonly definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

/** The subcommand keys a definition declares: `name` or `group name`, as handlers are keyed. */
function declaredSubcommands(options: readonly APIApplicationCommandOption[] | undefined): string[] {
  return (options ?? []).flatMap((option) => {
    if (option.type === ApplicationCommandOptionType.Subcommand) return [option.name];
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      return (option.options ?? []).map((sub) => `${option.name} ${sub.name}`);
    }
    return [];
  });
}

function isSlashCommand(value: unknown): value is SlashCommand {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<string, unknown>>;
  const data = candidate.data as Partial<Record<string, unknown>> | undefined;
  return (
    typeof data === 'object' && data !== null && typeof data.toJSON === 'function' &&
    (typeof candidate.run === 'function' || (typeof candidate.subcommands === 'object' && candidate.subcommands !== null))
  );
}

/**
 * Builds the registry from command modules, rejecting everything Discord or the router would trip
 * over later: duplicate names, handlers that don't match their definition's subcommands, and two
 * component routes claiming one custom_id key.
 */
export function buildRegistry(modules: ReadonlyArray<{ readonly source: string; readonly exported: unknown }>): CommandRegistry {
  const problems: string[] = [];
  const commands = new Map<string, SlashCommand>();
  const sources = new Map<string, string>();
  const components = new Map<string, ComponentRoute>();
  const definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];

  for (const { source, exported } of modules) {
    if (!isSlashCommand(exported)) {
      problems.push(`${source} must \`export default defineCommand({ data, run | subcommands })\``);
      continue;
    }
    let definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
    try {
      definition = exported.data.toJSON();
    } catch (cause) {
      problems.push(`${source} has an invalid definition: ${cause instanceof Error ? cause.message : String(cause)}`);
      continue;
    }
    if (exported.localizations !== undefined) {
      const localized = localizeDefinition(definition, exported.localizations);
      problems.push(...localized.problems.map((problem) => `${source}: ${problem}`));
      definition = localized.definition;
    }
    const name = definition.name;
    const earlier = sources.get(name);
    if (earlier !== undefined) {
      problems.push(`${source} and ${earlier} both define /${name}`);
      continue;
    }
    if ('subcommands' in exported) {
      const declared = new Set(declaredSubcommands(definition.options));
      const handled = new Set(Object.keys(exported.subcommands));
      for (const key of declared) if (!handled.has(key)) problems.push(`${source}: /${name} ${key} has no handler`);
      for (const key of handled) if (!declared.has(key)) problems.push(`${source}: handler "${key}" matches no subcommand of /${name}`);
    } else if (declaredSubcommands(definition.options).length > 0) {
      problems.push(`${source}: /${name} declares subcommands, so it must export \`subcommands\` rather than \`run\``);
    }
    for (const route of exported.components ?? []) {
      if (components.has(route.spec.key)) problems.push(`${source}: the custom_id "${route.spec.key}" is handled twice`);
      components.set(route.spec.key, route);
    }
    sources.set(name, source);
    commands.set(name, exported);
    definitions.push(definition);
  }

  if (problems.length > 0) throw new CommandRegistryError(problems);
  definitions.sort((a, b) => a.name.localeCompare(b.name));
  return { commands, components, definitions };
}

const isCommandFile = (file: string) => /\.(ts|js|mjs)$/.test(file) && !/\.d\.ts$|\.test\.ts$/.test(file);

/** Loads every command file in `dir`: one slash command per file, as its default export. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<CommandRegistry> {
  const files = (await readdir(dir)).filter(isCommandFile).sort();
  const problems: string[] = [];
  const modules: { source: string; exported: unknown }[] = [];
  for (const file of files) {
    const source = path.join(path.basename(dir), file);
    try {
      const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
      modules.push({ source, exported: module.default });
    } catch (cause) {
      // discord.js builders throw while the module runs when a name or limit is invalid.
      problems.push(`${source} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }
  if (problems.length > 0) throw new CommandRegistryError(problems);
  return buildRegistry(modules);
}
