import { UserFacingError } from '../../interactions/errors.js';
import { unwrapWith } from '../../outcome.js';
import { TOPIC_MAX_LENGTH, TOPIC_MIN_LENGTH } from '../facilitation.js';
import type { ProtocolOutcome, ProtocolProblem } from '../problems.js';
import type { ProtocolsSay } from './messages.js';

const quoted = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

/** What a member is told when a protocol action didn't happen: plain, kind, and what to do next. */
export function explainProtocolProblem(problem: ProtocolProblem, t: ProtocolsSay): string {
  switch (problem.kind) {
    case 'moved-on':
      return t('problem.moved-on', { step: problem.run.step + 1 });
    case 'not-facilitator':
      return problem.run.facilitatorId === null ? t('problem.not-facilitator-moderators') : t('problem.not-facilitator', { facilitator: `<@${problem.run.facilitatorId}>` });
    case 'too-long':
      return t('problem.too-long', { length: problem.length, limit: problem.limit });
    case 'bad-date':
    case 'past-date':
      return t(`problem.${problem.kind}`, { typed: problem.typed, text: quoted(problem.text) });
    case 'which-run':
      return t('problem.which-run', { option: problem.option });
    case 'bad-topic':
      return t('problem.bad-topic', { min: TOPIC_MIN_LENGTH, max: TOPIC_MAX_LENGTH });
    case 'missing-permissions': {
      // Each name is a whole message; the list is joined the way the reader's language joins one.
      const names = problem.missing.map((permission) => `**${t(`permission.${permission}`)}**`);
      return t('problem.missing-permissions', { permissions: new Intl.ListFormat(t.language, { type: 'conjunction' }).format(names), count: names.length });
    }
    default:
      return t(`problem.${problem.kind}`);
  }
}

/** The one way protocol handlers unwrap: `const run = orExplain(await findOpenRun(...), t)`. */
export const orExplain = <T>(outcome: ProtocolOutcome<T>, t: ProtocolsSay): T => unwrapWith((problem: ProtocolProblem) => explainProtocolProblem(problem, t))(outcome);

/** Stops a handler with a problem found outside a service (a check on the interaction itself). */
export function refuse(problem: ProtocolProblem, t: ProtocolsSay): never {
  throw new UserFacingError(explainProtocolProblem(problem, t));
}
