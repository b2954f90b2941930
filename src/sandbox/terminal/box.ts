import type { Style } from './style.js';
import { displayWidth, padEnd } from './text.js';

/**
 * A panel drawn with box characters, as wide as its widest line: how an embed reads in a terminal.
 * Sections are separated by a rule, the way Discord sets an embed's footer apart.
 */
export function drawBox(sections: readonly (readonly string[])[], style: Style): string[] {
  const filled = sections.filter((section) => section.length > 0);
  if (filled.length === 0) return [];
  const inner = Math.max(...filled.flat().map(displayWidth));
  const rule = (left: string, right: string) => style.dim(`${left}${'─'.repeat(inner + 2)}${right}`);
  const bar = style.dim('│');
  const lines = [rule('┌', '┐')];
  filled.forEach((section, index) => {
    if (index > 0) lines.push(rule('├', '┤'));
    for (const line of section) lines.push(`${bar} ${padEnd(line, inner)} ${bar}`);
  });
  lines.push(rule('└', '┘'));
  return lines;
}
