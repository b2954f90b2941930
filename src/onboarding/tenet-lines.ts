import { fail, succeed } from '../outcome.js';
import { hasVisibleText } from '../text.js';
import { TENET_LIMITS, TenetListSchema, type Tenet } from './content.js';
import type { OnboardingOutcome, TenetProblem } from './problems.js';

/**
 * Tenets as moderators edit them, one per box: its name, a colon, then its words, as the community
 * page writes them. `/tenets edit`'s form and the dashboard's read their boxes with the same rules.
 */

export const asLine = (tenet: Tenet) => `${tenet.name}: ${tenet.text}`;

/** The boxes (up to five, empty ones skipped) as tenets, checked by the same rules as the shipped file. */
export function tenetsFromLines(lines: readonly string[]): OnboardingOutcome<Tenet[]> {
  const problems: TenetProblem[] = [];
  const tenets: Tenet[] = [];
  // Boxes may be left empty in between: problems name the box, not the place in the list.
  const boxes: number[] = [];
  for (const [index, raw] of lines.slice(0, TENET_LIMITS.count).entries()) {
    const position = index + 1;
    const line = raw.trim();
    if (!hasVisibleText(line)) continue;
    const colon = line.indexOf(':');
    if (colon < 1) {
      problems.push({ kind: 'no-colon', box: position });
      continue;
    }
    tenets.push({ name: line.slice(0, colon).trim(), text: line.slice(colon + 1).trim() });
    boxes.push(position);
  }
  if (problems.length > 0) return fail({ kind: 'tenets-invalid', problems });
  const parsed = TenetListSchema.safeParse(tenets);
  if (parsed.success) return succeed(parsed.data);
  return fail({
    kind: 'tenets-invalid',
    problems: parsed.error.issues.map((issue): TenetProblem => {
      const [index, field] = issue.path;
      if (typeof index !== 'number') return issue.code === 'too_big' ? { kind: 'too-many', max: TENET_LIMITS.count } : { kind: 'none' };
      const box = boxes[index] ?? index + 1;
      const which = field === 'name' ? 'name' : 'text';
      if (issue.code === 'too_big') return { kind: 'too-long', box, field: which, max: Number(issue.maximum) };
      if (issue.code === 'custom' && issue.params?.['duplicate'] === true) return { kind: 'duplicate', box, name: tenets[index]?.name ?? '' };
      return { kind: 'empty', box, field: which };
    }),
  });
}
