/**
 * How the terminal emphasises text. Colour only helps a person at a terminal: in a pipe or a log
 * file the escape codes would be noise, so non-TTY output is plain text (and NO_COLOR is honoured).
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  warn(text: string): string;
}

const identity = (text: string) => text;

export const plainStyle: Style = { bold: identity, dim: identity, accent: identity, warn: identity };

const sgr = (open: number, close: number) => (text: string) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);

export const colourStyle: Style = { bold: sgr(1, 22), dim: sgr(2, 22), accent: sgr(36, 39), warn: sgr(33, 39) };

export function styleFor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Style {
  const noColour = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY === true && !noColour ? colourStyle : plainStyle;
}
