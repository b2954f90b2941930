import { discordText, html, type Html } from './html.js';
import { NO_MENTIONS } from './pages.js';

/**
 * One labelled text field of a form, with its problem beside it: the problem is announced
 * (role=alert), tied to the field (aria-describedby) and marks it invalid, so a screen reader and
 * a sighted moderator both find what to fix.
 */
export interface TextField {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly paragraph?: boolean | undefined;
  readonly required?: boolean | undefined;
  readonly maxLength?: number | undefined;
  readonly placeholder?: string | undefined;
  /** The service's sentence about this field, in the bot's Markdown. */
  readonly problem?: string | undefined;
}

export function problemLine(id: string, problem: string | undefined): Html {
  return problem === undefined ? html`` : html`<div class="problem" id="${id}-problem" role="alert">${discordText(problem, NO_MENTIONS)}</div>`;
}

export function textField(field: TextField): Html {
  const attributes = html`id="${field.id}" name="${field.id}"${field.required ? html` required` : ''}${field.maxLength === undefined ? '' : html` maxlength="${String(field.maxLength)}"`}${
    field.placeholder === undefined ? '' : html` placeholder="${field.placeholder}"`
  }${field.problem === undefined ? '' : html` aria-invalid="true" aria-describedby="${field.id}-problem"`}`;
  return html`<label for="${field.id}">${field.label}${field.required ? '' : html` <span class="hint">(optional)</span>`}</label>
${field.paragraph ? html`<textarea ${attributes}>${field.value}</textarea>` : html`<input type="text" ${attributes} value="${field.value}">`}
${problemLine(field.id, field.problem)}`;
}

/** The hidden CSRF field every form posts. */
export const csrfField = (csrf: string): Html => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/** A button that posts a one-field form (remove, and the like). */
export function postButton(action: string, csrf: string, label: Html | string, quiet = true): Html {
  return html`<form method="post" action="${action}">${csrfField(csrf)}<button type="submit"${quiet ? html` class="quiet"` : ''}>${label}</button></form>`;
}
