import { unwrapWith } from '../../outcome.js';
import { explainCronProblems } from '../cron.js';
import type { RitualProblem } from '../problems.js';
import { unknownTimeZoneMessage } from '../time-zones.js';

/** Every ritual problem as a kind sentence for the moderator (or member) who ran into it. */
export function explainRitualProblem(problem: RitualProblem): string {
  switch (problem.kind) {
    case 'bad-cron':
      return explainCronProblems(problem.text, problem.problems);
    case 'bad-zone':
      return unknownTimeZoneMessage(problem.zone);
    case 'never-runs':
      return `The schedule \`${problem.cron}\` never comes round (that date doesn't happen in the next eight years), so I haven't saved it.`;
    case 'prompt-needs-text':
      return 'A prompt ritual posts your own words: please add them with the `text` option.';
    case 'nothing-to-change':
      return 'Tell me what to change: pick at least one option, such as `cron` or `channel`.';
    case 'unknown-ritual':
      return `I can't find ritual #${problem.id} in this server. \`/ritual list\` shows the ones there are.`;
    case 'ritual-changed':
      return `Someone else changed ritual #${problem.schedule.id} while you were editing it, so I haven't saved your changes. Here it is as it is now.`;
    case 'already-paused':
      return `Ritual #${problem.schedule.id} is already paused. \`/ritual resume\` starts it again.`;
    case 'already-active':
      return `Ritual #${problem.schedule.id} is already running; nothing to resume.`;
    case 'paused':
      return `Ritual #${problem.schedule.id} is paused. Resume it first with \`/ritual resume ritual:${problem.schedule.id}\`.`;
    case 'channel-gone':
      return `Ritual #${problem.schedule.id}'s channel no longer exists, so I've left it paused. Pick a new one with \`/ritual edit\`, then resume it.`;
    case 'cannot-post': {
      const names = problem.missing.map((name) => `**${name}**`).join(', ');
      return `I still can't post in <#${problem.schedule.channelId}>, so I've left ritual #${problem.schedule.id} paused. Please give me ${names} there, then \`/ritual resume ritual:${problem.schedule.id}\` again.`;
    }
    case 'nothing-upcoming':
      return `Ritual #${problem.schedule.id} has nothing coming up to skip.`;
    case 'nothing-to-retry':
      return `Ritual #${problem.schedule.id} has no failed post to try again. All good!`;
    case 'already-this-minute':
      return `Ritual #${problem.schedule.id} has already posted this minute, so I won't post it twice.`;
    case 'empty-library':
      return `This server's ${problem.library} library is empty. Add one with \`/${problem.library} add\`.`;
    case 'invalid-entry':
      return ['That one needs a small fix before I can add it:', ...problem.issues.map((issue) => `• ${issue}`)].join('\n');
    case 'unknown-entry':
      return `I can't find ${problem.library} #${problem.id} in this server's library. \`/${problem.library} list\` shows what's there.`;
    case 'entry-changed':
      return `Someone else changed ${problem.entry.kind} #${problem.entry.id} while you were editing it, so I haven't saved your changes. Here it is as it is now.`;
    case 'not-a-listen-post':
      return "This post isn't counting listens anymore, but thank you for listening!";
  }
}

/** The one way rituals' handlers unwrap a service's outcome: `orExplain(await skipNext(...))`. */
export const orExplain = unwrapWith(explainRitualProblem);
