import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ApplicationCommandOptionType, type APIApplicationCommand, type APIApplicationCommandOptionChoice, type APIAttachment } from 'discord-api-types/v10';
import { CommandInputError, HarnessError, type Actor, type Harness, type OptionInput, type Response } from '@roots-bot/discord-emulator';
import { findRunnable, inLocale, runnable, usage, type RunnableCommand } from './commands.js';
import { closest } from './typos.js';

/**
 * A typed slash command, run as the current person. Beyond what the harness does, it reads files
 * for attachment options, answers `name:?` with the option's suggestions, and when Discord's
 * client would refuse the input, says how the command is used.
 */

export type SlashOutcome =
  | { readonly kind: 'response'; readonly response: Response }
  | { readonly kind: 'suggestions'; readonly option: string; readonly choices: readonly APIApplicationCommandOptionChoice[] };

export interface SlashInput {
  readonly command: string;
  readonly options: Readonly<Record<string, string>>;
}

const ASK = '?';

function hint(commands: readonly APIApplicationCommand[], path: string, target: RunnableCommand | undefined): string {
  if (target) return `Usage: ${usage(target)}`;
  const [name = ''] = path.split(' ');
  const family = commands.filter((c) => c.name === name).flatMap((c) => runnable(c));
  if (family.length > 0) return `Try: ${family.map((c) => `/${c.path}`).join(', ')}`;
  const near = closest(name, commands.map((c) => c.name));
  if (near !== undefined) return `Did you mean /${near}?`;
  return commands.length > 0 ? `Commands here: ${commands.map((c) => `/${c.name}`).join(', ')}` : 'The bot has no slash commands here.';
}

async function withFiles(target: RunnableCommand | undefined, options: Readonly<Record<string, string>>): Promise<Record<string, OptionInput>> {
  const ready: Record<string, OptionInput> = {};
  for (const [name, value] of Object.entries(options)) {
    const definition = target?.options.find((o) => o.name === name);
    if (definition?.type !== ApplicationCommandOptionType.Attachment) {
      ready[name] = value;
      continue;
    }
    try {
      ready[name] = { filename: basename(value), data: await readFile(resolve(value)) };
    } catch {
      throw new HarnessError(`I couldn't open the file ${value}. Give a path on this computer, like ${name}:./notes.csv.`);
    }
  }
  return ready;
}

async function suggestions(actor: Actor, channelId: string, input: SlashInput, target: RunnableCommand | undefined, asked: string): Promise<SlashOutcome> {
  const definition = target?.options.find((o) => o.name === asked);
  if (definition && 'choices' in definition && definition.choices && definition.choices.length > 0) {
    // Discord's client lists a command's choices in the person's language; what is sent stays the value.
    const choices = definition.choices.map((choice) => ({ ...choice, name: inLocale(choice.name, choice.name_localizations, actor.user.locale) }));
    return { kind: 'suggestions', option: asked, choices };
  }
  if (!definition || !('autocomplete' in definition) || definition.autocomplete !== true) {
    throw new HarnessError(`${asked} has no list to choose from; type its value instead.`);
  }
  const options = { ...input.options, [asked]: '' };
  return { kind: 'suggestions', option: asked, choices: await actor.autocomplete(channelId, input.command, options, asked) };
}

export async function runSlash(harness: Harness, actor: Actor, channelId: string, input: SlashInput): Promise<SlashOutcome> {
  const { emulator } = harness;
  const guildId = emulator.world.channel(channelId).guildId;
  const commands = emulator.commands.all(guildId);
  const target = findRunnable(commands, input.command);

  const asked = Object.keys(input.options).find((name) => input.options[name] === ASK);
  if (asked !== undefined) return suggestions(actor, channelId, input, target, asked);

  const options = await withFiles(target, input.options);
  // A dry run of what Discord's client checks, so a typing mistake gets the usage line, while
  // a failure after the bot received the command does not.
  try {
    emulator.commands.buildData({ command: input.command, options }, { guildId, channelId, userId: actor.user.id }, (file) => ({ id: '0', filename: file.filename, size: file.data.length, url: '', proxy_url: '' }) as APIAttachment);
  } catch (error) {
    if (error instanceof CommandInputError) throw new HarnessError(`${error.message} ${hint(commands, input.command, target)}`);
    throw error;
  }
  return { kind: 'response', response: await actor.run(channelId, input.command, options) };
}
