import { ComponentType, TextInputStyle } from 'discord-api-types/v10';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ModalView } from '@roots-bot/discord-emulator';
import { INTERRUPTED, memoryIo, terminalIo } from '../../src/sandbox/terminal/io.js';
import { fillModal, pickFrom, problemWith } from '../../src/sandbox/terminal/modal.js';
import { plainStyle } from '../../src/sandbox/terminal/style.js';

type Field = ModalView['fields'][number];

const field = (customId: string, label: string, extra: Partial<Field> = {}): Field => ({
  customId,
  label,
  required: true,
  style: TextInputStyle.Short,
  minLength: null,
  maxLength: null,
  value: null,
  placeholder: null,
  description: null,
  ...extra,
});

const reflection = {
  title: 'Reflect on the tenet',
  fields: [
    field('tenet', 'Which tenet', { maxLength: 40, placeholder: 'Share freely' }),
    field('story', 'Your story', { style: TextInputStyle.Paragraph, minLength: 5, maxLength: 500 }),
    field('name', 'Signed', { required: false, value: 'alice' }),
  ],
  selects: [],
  order: [],
  texts: [],
};

describe('fillModal', () => {
  it('asks for each field in turn, saying what it needs, and reads the answers from the same lines', async () => {
    const io = memoryIo(['Learn out loud', 'First line\\nsecond line', '']);
    const result = await fillModal(reflection, io, plainStyle);
    expect(result).toEqual({ kind: 'filled', values: { tenet: 'Learn out loud', story: 'First line\nsecond line', name: 'alice' } });
    expect(io.output).toContain('📝 Reflect on the tenet — a form with 3 fields; type each answer and press Enter. To close it without sending, type cancel (or press Ctrl-C).');
    expect(io.output).toContain('  Which tenet (required, up to 40 characters, hint: "Share freely")');
    expect(io.output).toContain('  Your story (required, 5–500 characters, type \\n for a new line)');
    expect(io.output).toContain('  Signed (optional, Enter keeps "alice")');
  });

  it('shows what Discord writes under a label, beneath it', async () => {
    const action = {
      title: 'Add an action',
      fields: [field('due', 'By when?', { required: false, maxLength: 40, description: 'Leave it empty if there is no date yet.' })],
      selects: [
        { customId: 'owner', label: 'Who owns it?', description: 'One person; they can recruit help.', type: ComponentType.UserSelect, required: true, minValues: 1, maxValues: 1, options: [] },
      ] as const,
      order: ['owner', 'due'],
      texts: [],
    };
    const io = memoryIo(['ben', '']);
    expect(await fillModal(action, io, plainStyle, () => '42')).toEqual({ kind: 'filled', values: { owner: ['42'], due: '' } });
    expect(io.output.slice(2)).toEqual([
      '  Who owns it? (required, pick 1: names, separated by commas)',
      '    One person; they can recruit help.',
      '  By when? (optional, up to 40 characters)',
      '    Leave it empty if there is no date yet.',
    ]);
  });

  it('in a script, closes the form on a mistake rather than eating the next command', async () => {
    const io = memoryIo(['', 'quit']);
    expect(await fillModal(reflection, io, plainStyle)).toEqual({ kind: 'closed', why: '"Which tenet" is required. The form was closed without sending.' });
    expect(await io.next('')).toBe('quit');
  });

  it('asks a person again after a mistake', async () => {
    const io = { ...memoryIo(['Learn out loud', 'Hi', 'Hi there', 'me']), interactive: true };
    const result = await fillModal(reflection, io, plainStyle);
    expect(result).toEqual({ kind: 'filled', values: { tenet: 'Learn out loud', story: 'Hi there', name: 'me' } });
    expect(io.output).toContain('  "Your story" needs at least 5 characters (that was 2). Please try again.');
  });

  it('closes the form when the input ends', async () => {
    expect(await fillModal(reflection, memoryIo(['Learn out loud']), plainStyle)).toEqual({ kind: 'closed', why: 'The form was closed without sending.' });
  });

  it('closes only the form on cancel or Ctrl-C, and the next line is a command again', async () => {
    const cancelled = memoryIo(['Learn out loud', 'Cancel', '/about']);
    expect(await fillModal(reflection, cancelled, plainStyle)).toEqual({ kind: 'closed', why: 'The form was closed without sending.' });
    expect(await cancelled.next('')).toBe('/about');

    const interrupted = { ...memoryIo([INTERRUPTED, 'show #poems']), interactive: true };
    expect(await fillModal(reflection, interrupted, plainStyle)).toEqual({ kind: 'closed', why: 'The form was closed without sending.' });
    expect(await interrupted.next('')).toBe('show #poems');
  });

  it('never sends quit as an answer: it closes the form and says how to leave', async () => {
    const io = memoryIo(['quit', 'quit']);
    expect(await fillModal(reflection, io, plainStyle)).toEqual({ kind: 'closed', why: 'The form was closed without sending. To leave the sandbox, type quit again.' });
    expect(await io.next('')).toBe('quit');
  });

  it('checks answers as Discord’s own form does', () => {
    const short = field('t', 'Title', { minLength: 3, maxLength: 5 });
    expect(problemWith(short, '')).toBe('"Title" is required.');
    expect(problemWith(short, 'ab')).toBe('"Title" needs at least 3 characters (that was 2).');
    expect(problemWith(short, 'abcdef')).toBe('"Title" allows at most 5 characters (that was 6).');
    expect(problemWith(short, 'abcd')).toBeNull();
    expect(problemWith({ ...short, required: false }, '')).toBeNull();
  });

  it('asks in the order the form shows, with menus answered by number, label or name', async () => {
    const introduction = {
      title: 'Introduce yourself',
      fields: [field('name', 'Your name'), field('school', 'School or region', { required: false })],
      selects: [
        { customId: 'role', label: 'Your role', description: null, type: ComponentType.StringSelect, required: true, minValues: 1, maxValues: 1, options: [{ label: 'Teacher', value: 'teacher' }, { label: 'Coach', value: 'coach' }] },
        { customId: 'buddy', label: 'Say hello to', description: null, type: ComponentType.UserSelect, required: false, minValues: 1, maxValues: 2, options: [] },
      ] as const,
      order: ['name', 'role', 'school', 'buddy'],
      texts: ['Tell us a little about you.'],
    };
    const io = memoryIo(['Alice', 'coach', '', '@ben']);
    const result = await fillModal(introduction, io, plainStyle, (name) => (name === 'ben' ? '42' : undefined));
    expect(result).toEqual({ kind: 'filled', values: { name: 'Alice', role: ['coach'], school: '', buddy: ['42'] } });
    expect(io.output).toContain('      2. Coach');
    const line = (text: string) => io.output.findIndex((l) => l.includes(text));
    expect(line('Your role')).toBeLessThan(line('School or region'));
  });
});

describe('pickFrom', () => {
  const menu = { customId: 'reasons', label: 'Why you joined', description: null, type: ComponentType.StringSelect, required: true, minValues: 1, maxValues: 2, options: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }, { label: 'C', value: 'c' }] } as const;
  it('takes numbers and labels, and refuses what the menu would not allow', () => {
    expect(pickFrom(menu, '1, c', () => undefined)).toEqual({ values: ['a', 'c'] });
    expect(pickFrom(menu, '1,2,3', () => undefined)).toEqual({ problem: '"Why you joined" takes 1 to 2 choices.' });
    expect(pickFrom(menu, '', () => undefined)).toEqual({ problem: '"Why you joined" is required.' });
    expect(pickFrom(menu, '9', () => undefined)).toEqual({ problem: '"9" isn\'t one of the choices for "Why you joined".' });
  });
});

describe('terminalIo', () => {
  /** A pretend terminal: a person's keys in, the screen out. */
  function tty() {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 }) as unknown as NodeJS.WriteStream;
    return { input, io: terminalIo(input, output) };
  }

  it('reads Ctrl-C in a form as closing the form, and at the prompt as leaving', async () => {
    const { input, io } = tty();
    const answer = io.answer('  > ');
    input.write('half an ans\u0003');
    expect(await answer).toBe(INTERRUPTED);
    const command = io.next('> ');
    input.write('show #poems\r');
    expect(await command).toBe('show #poems');
    const leaving = io.next('> ');
    input.write('\u0003');
    expect(await leaving).toBeNull();
    io.close();
  });
});
