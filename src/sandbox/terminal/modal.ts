import { ComponentType, TextInputStyle } from 'discord-api-types/v10';
import type { ModalSelectView, ModalView } from '@roots-bot/discord-emulator';
import { INTERRUPTED, type Io } from './io.js';
import type { Style } from './style.js';

/**
 * A form the bot opened (a Discord modal), filled in one field at a time from the same lines as
 * every other command. A person at the terminal is asked again after a mistake; a script is not,
 * since its next line is meant for something else, so the form is closed instead.
 */

type Field = ModalView['fields'][number];

/** Turns a typed name (`alice`, `@alice`) into a member's id, for menus that pick people. */
export type FindPerson = (name: string) => string | undefined;

function limits(field: Field): string {
  const { minLength: min, maxLength: max } = field;
  if (min !== null && max !== null) return `${min}–${max} characters`;
  if (min !== null) return `at least ${min} characters`;
  if (max !== null) return `up to ${max} characters`;
  return '';
}

/** What Discord shows under a label (its description), on a line of its own. */
function explained(description: string | null, style: Style): string[] {
  return description === null || description === '' ? [] : [`  ${style.dim(description)}`];
}

function describe(field: Field, style: Style): string[] {
  const notes = [field.required ? 'required' : 'optional', limits(field)];
  if (field.style === TextInputStyle.Paragraph) notes.push('type \\n for a new line');
  if (field.value) notes.push(`Enter keeps "${field.value}"`);
  // Discord greys the placeholder in the empty box. It is the bot's words, in the member's language,
  // and not always an example ("p. ej., …", "What did you notice?"): it is shown as it is, quoted.
  else if (field.placeholder) notes.push(`hint: "${field.placeholder}"`);
  return [`${style.bold(field.label)} ${style.dim(`(${notes.filter((n) => n !== '').join(', ')})`)}`, ...explained(field.description, style)];
}

/** What's wrong with an answer, in the words Discord's own form would use, or null. */
export function problemWith(field: Field, value: string): string | null {
  if (field.required && value === '') return `"${field.label}" is required.`;
  if (value !== '' && field.minLength !== null && value.length < field.minLength) return `"${field.label}" needs at least ${field.minLength} characters (that was ${value.length}).`;
  if (field.maxLength !== null && value.length > field.maxLength) return `"${field.label}" allows at most ${field.maxLength} characters (that was ${value.length}).`;
  return null;
}

/**
 * Words that close a form instead of answering it. `quit` is among them: sent as an answer it would
 * surprise the person who meant to leave, so it closes the form and they can type it again.
 */
const CANCEL_WORDS: ReadonlySet<string> = new Set(['cancel', 'quit', 'exit']);
const CLOSED = 'The form was closed without sending.';

export type FormResult =
  | { readonly kind: 'filled'; readonly values: Readonly<Record<string, string | readonly string[]>> }
  | { readonly kind: 'closed'; readonly why: string };

function describeMenu(menu: ModalSelectView, style: Style): string[] {
  const count = menu.minValues === menu.maxValues ? `pick ${menu.maxValues}` : `pick ${menu.minValues}–${menu.maxValues}`;
  const how = menu.type === ComponentType.StringSelect ? 'numbers or labels, separated by commas' : 'names, separated by commas';
  const header = `${style.bold(menu.label)} ${style.dim(`(${menu.required ? 'required' : 'optional'}, ${count}: ${how})`)}`;
  return [header, ...explained(menu.description, style), ...menu.options.map((option, index) => `    ${index + 1}. ${option.label}`)];
}

/** The values a typed answer picks in a menu, or why it can't. */
export function pickFrom(menu: ModalSelectView, typed: string, findPerson: FindPerson): { values: string[] } | { problem: string } {
  const parts = typed.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const values: string[] = [];
  for (const part of parts) {
    if (menu.type === ComponentType.StringSelect) {
      const byNumber = /^\d+$/.test(part) ? menu.options[Number(part) - 1] : undefined;
      const option = byNumber ?? menu.options.find((o) => o.label.toLowerCase() === part.toLowerCase() || o.value === part);
      if (!option) return { problem: `"${part}" isn't one of the choices for "${menu.label}".` };
      values.push(option.value);
    } else {
      const id = findPerson(part.replace(/^@/, ''));
      if (id === undefined) return { problem: `There's nobody called ${part} here.` };
      values.push(id);
    }
  }
  if (values.length === 0 && menu.required) return { problem: `"${menu.label}" is required.` };
  if (values.length > 0 && (values.length < menu.minValues || values.length > menu.maxValues)) {
    return { problem: `"${menu.label}" takes ${menu.minValues === menu.maxValues ? menu.maxValues : `${menu.minValues} to ${menu.maxValues}`} choice${menu.maxValues === 1 ? '' : 's'}.` };
  }
  return { values };
}

export async function fillModal(
  modal: Pick<ModalView, 'title' | 'fields' | 'selects' | 'order' | 'texts'>,
  io: Io,
  style: Style,
  findPerson: FindPerson = () => undefined,
  /** A form's text, which Discord draws as Markdown, as terminal lines. */
  showText: (markdown: string) => readonly string[] = (markdown) => [`  ${markdown}`],
): Promise<FormResult> {
  const count = modal.fields.length + modal.selects.length;
  io.print(
    '',
    `📝 ${style.bold(modal.title)} ${style.dim(`— a form with ${count} ${count === 1 ? 'field' : 'fields'}; type each answer and press Enter. To close it without sending, type cancel (or press Ctrl-C).`)}`,
  );
  for (const text of modal.texts) io.print(...showText(text));
  const values: Record<string, string | readonly string[]> = {};
  const ask = async <T>(lines: readonly string[], check: (line: string) => { value: T } | { problem: string }): Promise<{ value: T } | { closed: string }> => {
    io.print(...lines.map((line) => `  ${line}`));
    for (;;) {
      const line = await io.answer('  > ');
      if (line === null) return { closed: CLOSED };
      if (line === INTERRUPTED) return { closed: CLOSED };
      const word = line.trim().toLowerCase();
      if (CANCEL_WORDS.has(word)) return { closed: word === 'cancel' ? CLOSED : `${CLOSED} To leave the sandbox, type ${word} again.` };
      const checked = check(line);
      if ('value' in checked) return checked;
      if (!io.interactive) return { closed: `${checked.problem} ${CLOSED}` };
      io.print(`  ${style.warn(checked.problem)} Please try again.`);
    }
  };
  const order = modal.order.length > 0 ? modal.order : [...modal.fields.map((f) => f.customId), ...modal.selects.map((m) => m.customId)];
  for (const customId of order) {
    const field = modal.fields.find((f) => f.customId === customId);
    const menu = modal.selects.find((m) => m.customId === customId);
    const answer = field
      ? await ask<string>(describe(field, style), (line) => {
          const typed = field.style === TextInputStyle.Paragraph ? line.replaceAll('\\n', '\n') : line;
          const value = typed === '' && field.value ? field.value : typed;
          const problem = problemWith(field, value);
          return problem === null ? { value } : { problem };
        })
      : menu
        ? await ask<string[]>(describeMenu(menu, style), (line) => {
            const picked = pickFrom(menu, line, findPerson);
            return 'values' in picked ? { value: picked.values } : picked;
          })
        : undefined;
    if (answer === undefined) continue;
    if ('closed' in answer) return { kind: 'closed', why: answer.closed };
    values[customId] = answer.value;
  }
  return { kind: 'filled', values };
}
