import type { APIApplicationCommand } from 'discord-api-types/v10';
import { inLocale, runnable, usage } from './commands.js';
import type { Style } from './style.js';
import { displayWidth, padEnd, wrap } from './text.js';

/** `help` and `help /command`: built from the scene and the commands the bot actually published. */

export interface HelpScene {
  readonly you: string;
  readonly place: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly commands: readonly APIApplicationCommand[];
  /** Your Discord's language: commands are described in it, as Discord's client would. */
  readonly locale: string;
}

const WIDTH = 78;

function table(rows: readonly (readonly [string, string])[], style: Style): string[] {
  const left = Math.max(...rows.map(([example]) => displayWidth(example)));
  return rows.flatMap(([example, meaning]) => {
    const [first = '', ...rest] = wrap(meaning, Math.max(20, WIDTH - left - 4));
    return [`  ${padEnd(style.accent(example), left)}  ${first}`, ...rest.map((line) => `  ${' '.repeat(left)}  ${line}`)];
  });
}

export function generalHelp(scene: HelpScene, style: Style): string[] {
  const others = scene.people.filter((p) => p !== scene.you);
  const rows: [string, string][] = [
    ['/about', 'run a slash command (help /about shows its options)'],
    ['click 2   click "Skip"', 'press a button on the last message with buttons'],
    ['select 1   select 1,3', 'choose from the last menu you saw'],
    ['say Hello!', 'write a message here (say #poems Hi! writes there)'],
    ['show #poems   show dm', 'look at a channel or your DMs, and go there'],
    ['show thread Week 3', 'look at a thread, and go there'],
    [`as ${others[0] ?? 'alice'}`, `act as someone else: ${scene.people.join(', ')}`],
    ['join dave   leave dave', 'someone new joins (and you become them), or leaves'],
    ['as alice --locale es', 'their Discord in Spanish (es, pt or en), which the bot answers in; join dave --locale es too'],
    ['open 1   open', 'read a file the bot sent (its number is beside it), or the latest'],
    ['time   time +1d', "see the bot's clock, or move it forward (m, h, d, w)"],
    ['cancel', 'close a form without sending it (Ctrl-C works too)'],
    ['quit', 'stop the sandbox (Ctrl-D or, outside a form, Ctrl-C)'],
  ];
  const commands = scene.commands.map((c) => [`/${c.name}`, inLocale(c.description, c.description_localizations, scene.locale)] as [string, string]);
  return [
    '',
    style.bold(`You are ${scene.you}, in ${scene.place}. You can type:`),
    ...table(rows, style),
    '',
    style.dim('  Options go as name:value, for example:'),
    style.accent('    /ritual create kind:poem channel:#poems cron:"0 9 * * MON" timezone:Europe/London'),
    ...wrap('Quotes are optional, but keep a value together if it contains something like "note:". Write name:? to list the choices for an option.', WIDTH - 2).map((line) => `  ${style.dim(line)}`),
    '',
    style.bold('Slash commands:'),
    ...(commands.length > 0 ? table(commands, style) : ['  (none yet)']),
    '',
    style.bold('Places:'),
    ...wrap(scene.places.join(' '), WIDTH - 2).map((line) => `  ${line}`),
  ];
}

export function commandHelp(commands: readonly APIApplicationCommand[], topic: string, style: Style, locale?: string): string[] {
  const path = topic.trim().replace(/^\//, '').toLowerCase().split(/\s+/).join(' ');
  const matches = commands.flatMap((command) => runnable(command, locale)).filter((c) => c.path === path || c.path.startsWith(`${path} `));
  if (matches.length === 0) return ['', style.warn(`There is no /${path} command. Type help to see them all.`)];
  return matches.flatMap((command) => [
    '',
    style.accent(usage(command)),
    ...wrap(command.description, WIDTH - 4).map((line) => `    ${line}`),
    ...command.options.map((option) => `    ${style.bold(option.name)}: ${inLocale(option.description, option.description_localizations, locale)}${option.required ? '' : style.dim(' (optional)')}`),
  ]);
}
