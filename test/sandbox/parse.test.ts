import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/sandbox/terminal/duration.js';
import { parseLine } from '../../src/sandbox/terminal/parse.js';
import { closest } from '../../src/sandbox/terminal/typos.js';

const invalidMessage = (line: string): string => {
  const command = parseLine(line);
  if (command.kind !== 'invalid') throw new Error(`expected ${line} to be invalid, got ${JSON.stringify(command)}`);
  return command.message;
};

describe('parseLine: slash commands', () => {
  it('reads a bare command', () => {
    expect(parseLine('/about')).toEqual({ kind: 'slash', command: 'about', options: {} });
  });

  it('takes the words before the first option as the command path', () => {
    expect(parseLine('/course progress')).toEqual({ kind: 'slash', command: 'course progress', options: {} });
    expect(parseLine('/ritual group create name:x')).toEqual({ kind: 'slash', command: 'ritual group create', options: { name: 'x' } });
  });

  it('reads options as Discord shows them, keeping #channel and @user text for the emulator', () => {
    expect(parseLine('/ritual create kind:poem channel:#poems cron:"0 9 * * MON"')).toEqual({
      kind: 'slash',
      command: 'ritual create',
      options: { kind: 'poem', channel: '#poems', cron: '0 9 * * MON' },
    });
    expect(parseLine('/course progress member:@alice')).toEqual({ kind: 'slash', command: 'course progress', options: { member: '@alice' } });
  });

  it('lets an unquoted value run to the next option, so sentences need no quotes', () => {
    expect(parseLine("/protocol start problem:Students don't turn in homework title:Week 3")).toEqual({
      kind: 'slash',
      command: 'protocol start',
      options: { problem: "Students don't turn in homework", title: 'Week 3' },
    });
  });

  it('keeps colons that are not option names inside a value', () => {
    const parsed = parseLine('/note add text:Note: meet at 10:30 link:https://example.com/a?b=c');
    expect(parsed).toEqual({ kind: 'slash', command: 'note add', options: { text: 'Note: meet at 10:30', link: 'https://example.com/a?b=c' } });
  });

  it('understands single, double and curly quotes, and escaped quotes inside them', () => {
    expect(parseLine(`/x a:'one two' b:“three four” c:"say \\"hi\\""`)).toEqual({
      kind: 'slash',
      command: 'x',
      options: { a: 'one two', b: 'three four', c: 'say "hi"' },
    });
    expect(parseLine('/x a:"note: kept"')).toEqual({ kind: 'slash', command: 'x', options: { a: 'note: kept' } });
  });

  it('allows an explicitly empty quoted value and a value of ? (asking for suggestions)', () => {
    expect(parseLine('/x a:"" b:?')).toEqual({ kind: 'slash', command: 'x', options: { a: '', b: '?' } });
  });

  it('lower-cases the command path, as Discord names are lower case', () => {
    expect(parseLine('/About')).toEqual({ kind: 'slash', command: 'about', options: {} });
  });

  it('explains mistakes in one kind line', () => {
    expect(invalidMessage('/')).toMatch(/command name right after the slash/);
    expect(invalidMessage('/x a:')).toBe('a: needs a value, like a:something.');
    expect(invalidMessage('/x a:"open')).toBe('The quote after a: was never closed.');
    expect(invalidMessage('/x a:"b"c')).toMatch(/should close at the end of its value/);
    expect(invalidMessage('/x a:"b c" stray words d:e')).toMatch(/^"stray words" isn't an option/);
    expect(invalidMessage('/x a:1 a:2')).toBe('You gave a twice; give it once.');
    expect(invalidMessage('/x Kind:poem')).toMatch(/"Kind:poem" isn't part of a command name/);
  });
});

describe('parseLine: terminal commands', () => {
  it.each([
    ['click 2', { kind: 'click', button: 2 }],
    ['click "I commit to this"', { kind: 'click', button: 'I commit to this' }],
    ['click Skip', { kind: 'click', button: 'Skip' }],
    ['select 2', { kind: 'select', choices: ['2'] }],
    ['select 1, 3', { kind: 'select', choices: ['1', '3'] }],
    ['select "Week 1",week-2', { kind: 'select', choices: ['Week 1', 'week-2'] }],
    ['as alice', { kind: 'as', name: 'alice' }],
    ['as @alice', { kind: 'as', name: 'alice' }],
    ['AS alice', { kind: 'as', name: 'alice' }],
    ['as alice --locale es', { kind: 'as', name: 'alice', locale: 'es-ES' }],
    ['as @ana --locale=pt', { kind: 'as', name: 'ana', locale: 'pt-BR' }],
    ['as alice --locale EN', { kind: 'as', name: 'alice', locale: 'en-US' }],
    ['as alice --locale es-419', { kind: 'as', name: 'alice', locale: 'es-419' }],
    ['join dave', { kind: 'join', name: 'dave' }],
    ['join lucia --locale es', { kind: 'join', name: 'lucia', locale: 'es-ES' }],
    ['join @joao --locale=pt-BR', { kind: 'join', name: 'joao', locale: 'pt-BR' }],
    ['leave ben', { kind: 'leave', name: 'ben' }],
    ['show', { kind: 'show', target: { kind: 'here' } }],
    ['show #poems', { kind: 'show', target: { kind: 'channel', name: 'poems' } }],
    ['show poems', { kind: 'show', target: { kind: 'channel', name: 'poems' } }],
    ['show dm', { kind: 'show', target: { kind: 'dm' } }],
    ['show DMs', { kind: 'show', target: { kind: 'dm' } }],
    ['show thread Week 3 poem', { kind: 'show', target: { kind: 'thread', name: 'Week 3 poem' } }],
    ['show thread "Week 3"', { kind: 'show', target: { kind: 'thread', name: 'Week 3' } }],
    ['say Good morning, everyone!', { kind: 'say', channel: null, text: 'Good morning, everyone!' }],
    ['say #poems Here is mine', { kind: 'say', channel: 'poems', text: 'Here is mine' }],
    ['time', { kind: 'time', advanceMs: null }],
    ['time +1h', { kind: 'time', advanceMs: 3_600_000 }],
    ['time +2d', { kind: 'time', advanceMs: 2 * 86_400_000 }],
    ['time 1w', { kind: 'time', advanceMs: 7 * 86_400_000 }],
    ['open 2', { kind: 'open', file: 2 }],
    ['open', { kind: 'open', file: null }],
    ['show file 1', { kind: 'open', file: 1 }],
    ['help', { kind: 'help', topic: null }],
    ['help /course progress', { kind: 'help', topic: '/course progress' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['', { kind: 'nothing' }],
    ['   ', { kind: 'nothing' }],
    ['# a comment in a script', { kind: 'nothing' }],
  ])('%s', (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  it('asks for what is missing', () => {
    expect(invalidMessage('click')).toMatch(/Which button\?/);
    expect(invalidMessage('select')).toMatch(/select 2/);
    expect(invalidMessage('as')).toBe('Say who, with one name: as alice.');
    expect(invalidMessage('as alice --locale fr')).toBe('I don\'t know the language "fr". Try es (Español), pt (Português do Brasil) or en (English), like as alice --locale es.');
    expect(invalidMessage('as alice --locale')).toMatch(/Say which language after --locale/);
    expect(invalidMessage('as --locale es')).toBe('Say who, with one name: as alice --locale es.');
    expect(invalidMessage('join dave smith')).toBe('Say who, with one name: join dave.');
    expect(invalidMessage('join lucia --locale fr')).toBe('I don\'t know the language "fr". Try es (Español), pt (Português do Brasil) or en (English), like join lucia --locale es.');
    expect(invalidMessage('join --locale es')).toBe('Say who, with one name: join dave --locale es.');
    expect(invalidMessage('join dave --locale')).toBe('Say which language after --locale: es, pt or en, like join dave --locale es.');
    expect(invalidMessage('say')).toMatch(/What would you like to say\?/);
    expect(invalidMessage('say #poems')).toMatch(/What would you like to say\?/);
    expect(invalidMessage('show thread')).toMatch(/Which thread\?/);
    expect(invalidMessage('show #poems #general')).toMatch(/one place at a time/);
    expect(invalidMessage('time -1d')).toBe('Time only moves forward in the sandbox.');
    expect(invalidMessage('time soon')).toMatch(/time \+1h/);
    expect(invalidMessage('open report')).toBe('Open a file by the number shown beside it, like open 1.');
  });

  it('suggests the command a typo was meant to be, and otherwise points to say and help', () => {
    expect(invalidMessage('clik 2')).toBe('I don\'t know "clik". Did you mean click? Type help to see what you can do.');
    expect(invalidMessage('hepl')).toMatch(/Did you mean help\?/);
    expect(invalidMessage('hello there')).toBe(
      'I didn\'t understand "hello there". To write a message, start with say; slash commands start with /. Type help to see what you can do.',
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['+1h', 3_600_000],
    ['+90m', 90 * 60_000],
    ['+1d 12h', 36 * 3_600_000],
    ['+3 days', 3 * 86_400_000],
    ['2 weeks', 14 * 86_400_000],
    ['+1W', 7 * 86_400_000],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '+', 'soon', '+1y', '1d and 2h', '+1.5h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('closest', () => {
  it('forgives one slip in a short word and two in a long one, but not a different word', () => {
    expect(closest('abuot', ['about', 'privacy'])).toBe('about');
    expect(closest('slect', ['select', 'say'])).toBe('select');
    expect(closest('hello', ['help', 'show'])).toBeUndefined();
    expect(closest('about', ['about'])).toBeUndefined();
  });
});
