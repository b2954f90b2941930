import { TextInputStyle } from 'discord-api-types/v10';
import type { ModalView } from '../harness.js';
import type { Io } from './io.js';
import type { Style } from './style.js';

/**
 * A form the bot opened (a Discord modal), filled in one field at a time from the same lines as
 * every other command. A person at the terminal is asked again after a mistake; a script is not,
 * since its next line is meant for something else, so the form is closed instead.
 */

type Field = ModalView['fields'][number];

function limits(field: Field): string {
  const { minLength: min, maxLength: max } = field;
  if (min !== null && max !== null) return `${min}–${max} characters`;
  if (min !== null) return `at least ${min} characters`;
  if (max !== null) return `up to ${max} characters`;
  return '';
}

function describe(field: Field, style: Style): string {
  const notes = [field.required ? 'required' : 'optional', limits(field)];
  if (field.style === TextInputStyle.Paragraph) notes.push('type \\n for a new line');
  if (field.value) notes.push(`Enter keeps "${field.value}"`);
  else if (field.placeholder) notes.push(`e.g. ${field.placeholder}`);
  return `${style.bold(field.label)} ${style.dim(`(${notes.filter((n) => n !== '').join(', ')})`)}`;
}

/** What's wrong with an answer, in the words Discord's own form would use, or null. */
export function problemWith(field: Field, value: string): string | null {
  if (field.required && value === '') return `"${field.label}" is required.`;
  if (value !== '' && field.minLength !== null && value.length < field.minLength) return `"${field.label}" needs at least ${field.minLength} characters (that was ${value.length}).`;
  if (field.maxLength !== null && value.length > field.maxLength) return `"${field.label}" allows at most ${field.maxLength} characters (that was ${value.length}).`;
  return null;
}

export type FormResult = { readonly kind: 'filled'; readonly values: Readonly<Record<string, string>> } | { readonly kind: 'closed'; readonly why: string };

export async function fillModal(modal: Pick<ModalView, 'title' | 'fields'>, io: Io, style: Style): Promise<FormResult> {
  const count = modal.fields.length;
  io.print('', `📝 ${style.bold(modal.title)} ${style.dim(`— a form with ${count} ${count === 1 ? 'field' : 'fields'}; type each answer and press Enter.`)}`);
  const values: Record<string, string> = {};
  for (const field of modal.fields) {
    io.print(`  ${describe(field, style)}`);
    for (;;) {
      const line = await io.next('  > ');
      if (line === null) return { kind: 'closed', why: 'The form was closed without sending.' };
      const typed = field.style === TextInputStyle.Paragraph ? line.replaceAll('\\n', '\n') : line;
      const value = typed === '' && field.value ? field.value : typed;
      const problem = problemWith(field, value);
      if (problem === null) {
        values[field.customId] = value;
        break;
      }
      if (!io.interactive) return { kind: 'closed', why: `${problem} The form was closed without sending.` };
      io.print(`  ${style.warn(problem)} Please try again.`);
    }
  }
  return { kind: 'filled', values };
}
