import { memberLocale } from './member-locale.js';
import { parseDuration } from './duration.js';
import { closest } from './typos.js';

/**
 * One line typed in the sandbox terminal, as a typed command. Slash commands are written the way
 * Discord shows them: `/ritual create kind:poem channel:#poems cron:"0 9 * * MON"`. Names like
 * `#poems` and `@alice` are kept as typed: the emulator resolves them as Discord's client would.
 */

export type ShowTarget =
  | { readonly kind: 'here' }
  | { readonly kind: 'channel'; readonly name: string }
  | { readonly kind: 'dm' }
  | { readonly kind: 'thread'; readonly name: string };

export type Command =
  | { readonly kind: 'slash'; readonly command: string; readonly options: Readonly<Record<string, string>> }
  | { readonly kind: 'click'; readonly button: number | string }
  | { readonly kind: 'select'; readonly choices: readonly string[] }
  /** `locale`: the Discord language to give them first (`as alice --locale es`, `join dave --locale es`). */
  | { readonly kind: 'as'; readonly name: string; readonly locale?: string }
  | { readonly kind: 'join'; readonly name: string; readonly locale?: string }
  | { readonly kind: 'leave'; readonly name: string }
  | { readonly kind: 'show'; readonly target: ShowTarget }
  | { readonly kind: 'say'; readonly channel: string | null; readonly text: string }
  | { readonly kind: 'time'; readonly advanceMs: number | null }
  /** A file the bot sent, by the number shown beside it; null for the latest. */
  | { readonly kind: 'open'; readonly file: number | null }
  | { readonly kind: 'help'; readonly topic: string | null }
  | { readonly kind: 'quit' }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'invalid'; readonly message: string };

const HELP_HINT = 'Type help to see what you can do.';
const VERBS = ['click', 'select', 'as', 'join', 'leave', 'show', 'say', 'time', 'open', 'help', 'quit', 'exit'] as const;

const invalid = (message: string): Command => ({ kind: 'invalid', message });

// ---- slash commands -------------------------------------------------------------------------

/** Option names are lower case and start with a letter, so `Note: hi` or `10:30` inside a value stay text. */
const OPTION_START = /(?<=^|\s)(\p{Ll}[\p{Ll}\p{N}_-]*):/gu;
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”' };

type Scan = { readonly value: string; readonly end: number } | { readonly error: string };

/** A quoted value: backslash escapes the closing quote, and the quote must end the value. */
function scanQuoted(text: string, start: number, name: string): Scan {
  const close = QUOTES[text[start] ?? ''] ?? '"';
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && (text[i + 1] === close || text[i + 1] === '\\')) {
      value += text[++i];
    } else if (char === close || (close === '”' && char === '"')) {
      if (i + 1 < text.length && !/\s/.test(text[i + 1] ?? '')) return { error: `The quotes around ${name} should close at the end of its value.` };
      return { value, end: i + 1 };
    } else {
      value += char;
    }
  }
  return { error: `The quote after ${name}: was never closed.` };
}

/** An unquoted value runs to the next `name:` so `problem:students skip homework` needs no quotes. */
function scanUnquoted(text: string, start: number): Scan {
  OPTION_START.lastIndex = start;
  const next = OPTION_START.exec(text);
  const end = next ? next.index : text.length;
  return { value: text.slice(start, end).trim(), end };
}

function parseSlash(line: string): Command {
  const text = line.slice(1);
  OPTION_START.lastIndex = 0;
  const first = OPTION_START.exec(text);
  const typed = text.slice(0, first ? first.index : text.length).trim().split(/\s+/).filter((w) => w !== '');
  if (typed.length === 0) return invalid('Type the command name right after the slash, like /about.');
  const path = typed.map((word) => word.toLowerCase());
  const badWord = typed.find((word) => !/^[\p{Ll}\p{N}_-]+$/u.test(word.toLowerCase()));
  if (badWord !== undefined) return invalid(`"${badWord}" isn't part of a command name. Options look like name:value, e.g. /ritual create kind:poem.`);

  const options: Record<string, string> = {};
  let position = first ? first.index : text.length;
  while (position < text.length) {
    OPTION_START.lastIndex = position;
    const match = OPTION_START.exec(text);
    const stray = text.slice(position, match ? match.index : text.length).trim();
    if (stray !== '') return invalid(`"${stray}" isn't an option. Write options as name:value, with quotes around a value that has spaces.`);
    if (!match) break;
    const name = match[1] ?? '';
    let start = match.index + match[0].length;
    while (text[start] === ' ') start++;
    const scan = (text[start] ?? '') in QUOTES ? scanQuoted(text, start, name) : scanUnquoted(text, start);
    if ('error' in scan) return invalid(scan.error);
    if (scan.value === '' && !((text[start] ?? '') in QUOTES)) return invalid(`${name}: needs a value, like ${name}:something.`);
    if (name in options) return invalid(`You gave ${name} twice; give it once.`);
    options[name] = scan.value;
    position = scan.end;
    while (text[position] === ' ' || text[position] === '\t') position++;
  }
  return { kind: 'slash', command: path.join(' '), options };
}

// ---- everything else ------------------------------------------------------------------------

function unquote(text: string): string {
  const trimmed = text.trim();
  const close = QUOTES[trimmed[0] ?? ''];
  return close !== undefined && trimmed.length >= 2 && (trimmed.endsWith(close) || trimmed.endsWith('"')) ? trimmed.slice(1, -1) : trimmed;
}

function oneName(verb: string, rest: string, example: string): Command | string {
  const words = rest.split(/\s+/).filter((w) => w !== '');
  if (words.length !== 1) return invalid(`Say who, with one name: ${verb} ${example}.`);
  return (words[0] ?? '').replace(/^@/, '');
}

/**
 * `as alice` or `join dave`, either with `--locale es` to give them a Discord language too: a
 * member's client language is known from their very first click, so it can come with their arrival.
 */
function parsePerson(verb: 'as' | 'join', rest: string, example: string): Command {
  const match = /^(.*?)\s*--locale(?:\s+|=)(\S*)\s*$/.exec(rest);
  if (match === null) {
    if (/--locale\s*$/.test(rest)) return invalid(`Say which language after --locale: es, pt or en, like ${verb} ${example} --locale es.`);
    const name = oneName(verb, rest, example);
    return typeof name === 'string' ? { kind: verb, name } : name;
  }
  const name = oneName(verb, match[1] ?? '', `${example} --locale es`);
  if (typeof name !== 'string') return name;
  const locale = memberLocale(match[2] ?? '', `${verb} ${name} --locale es`);
  return 'error' in locale ? invalid(locale.error) : { kind: verb, name, locale: locale.locale };
}

function parseOpen(rest: string): Command {
  const number = rest.trim().replace(/^#/, '');
  if (number === '') return { kind: 'open', file: null };
  if (!/^\d+$/.test(number) || Number(number) === 0) return invalid('Open a file by the number shown beside it, like open 1.');
  return { kind: 'open', file: Number(number) };
}

function parseShow(rest: string): Command {
  const [word = '', ...more] = rest.split(/\s+/).filter((w) => w !== '');
  const lower = word.toLowerCase();
  if (word === '') return { kind: 'show', target: { kind: 'here' } };
  if (lower === 'file') return parseOpen(more.join(' '));
  if (lower === 'dm' || lower === 'dms') return { kind: 'show', target: { kind: 'dm' } };
  if (lower === 'thread') {
    const name = unquote(more.join(' '));
    return name === '' ? invalid('Which thread? For example: show thread Week 3.') : { kind: 'show', target: { kind: 'thread', name } };
  }
  if (more.length > 0) return invalid('Show one place at a time: show #poems, show dm or show thread NAME.');
  return { kind: 'show', target: { kind: 'channel', name: word.replace(/^#/, '') } };
}

function parseSay(rest: string): Command {
  const match = /^#(\S+)\s*([\s\S]*)$/.exec(rest);
  const channel = match ? (match[1] ?? null) : null;
  const text = (match ? (match[2] ?? '') : rest).trim();
  if (text === '') return invalid('What would you like to say? For example: say Good morning, everyone!');
  return { kind: 'say', channel, text };
}

function parseClick(rest: string): Command {
  const target = unquote(rest);
  if (target === '') return invalid('Which button? Give its number or label, like click 1 or click "I commit to this".');
  return { kind: 'click', button: /^\d+$/.test(target) ? Number(target) : target };
}

function parseSelect(rest: string): Command {
  const choices = rest.split(',').map(unquote).filter((c) => c !== '');
  return choices.length === 0 ? invalid('Pick an option by its number, like select 2 (or select 1,3 for several).') : { kind: 'select', choices };
}

function parseTime(rest: string): Command {
  if (rest === '') return { kind: 'time', advanceMs: null };
  if (rest.startsWith('-')) return invalid('Time only moves forward in the sandbox.');
  const ms = parseDuration(rest);
  if (ms === null || ms === 0) return invalid('Move the clock forward like this: time +1h, time +2d or time +1w.');
  return { kind: 'time', advanceMs: ms };
}

function unknown(line: string, verb: string): Command {
  const near = closest(verb, VERBS);
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  if (near) return invalid(`I don't know "${verb}". Did you mean ${near}? ${HELP_HINT}`);
  return invalid(`I didn't understand "${shown}". To write a message, start with say; slash commands start with /. ${HELP_HINT}`);
}

export function parseLine(input: string): Command {
  const line = input.trim();
  if (line === '' || line === '#' || line.startsWith('# ')) return { kind: 'nothing' };
  if (line.startsWith('/')) return parseSlash(line);
  const [, verbText = '', rest = ''] = /^(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
  const verb = verbText.toLowerCase();
  switch (verb) {
    case 'quit':
    case 'exit':
    case 'bye':
      return { kind: 'quit' };
    case 'help':
    case '?':
      return { kind: 'help', topic: rest === '' ? null : rest };
    case 'click':
      return parseClick(rest);
    case 'select':
      return parseSelect(rest);
    case 'show':
      return parseShow(rest);
    case 'say':
      return parseSay(rest);
    case 'time':
      return parseTime(rest);
    case 'open':
      return parseOpen(rest);
    case 'as':
      return parsePerson('as', rest, 'alice');
    case 'join':
      return parsePerson('join', rest, 'dave');
    case 'leave': {
      const name = oneName(verb, rest, 'dave');
      return typeof name === 'string' ? { kind: verb, name } : name;
    }
    default:
      return unknown(line, verb);
  }
}
