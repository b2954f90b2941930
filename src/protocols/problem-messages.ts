import type { Problem } from './problems.js';

const quoted = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

const FOR_ONE_STEP = 'Please use the newest step message in the thread.';

/** What a member is told when a protocol action didn't happen: plain, kind, and what to do next. */
export function describeProblem(problem: Problem): string {
  switch (problem.kind) {
    case 'no-such-run':
      return "I can't find this protocol anymore. You can start a new one with `/protocol start`.";
    case 'finished':
      return 'This protocol has finished, so its buttons are resting now. The summary is at the end of the thread, and `/protocol export` gives you the full record.';
    case 'moved-on':
      return `The group has moved on to step ${problem.run.step + 1}, so I didn't change anything here. ${FOR_ONE_STEP}`;
    case 'paused':
      return 'This protocol is paused for now. The facilitator can press **Resume** when the group is ready.';
    case 'not-paused':
      return "This protocol isn't paused; it's already running.";
    case 'not-facilitator':
      return problem.run.facilitatorId === null
        ? 'Only a moderator can move this protocol along now. You can still add your thoughts with **Add**.'
        : `Only the facilitator (<@${problem.run.facilitatorId}>) or a moderator can move the protocol along. You can still add your thoughts with **Add**.`;
    case 'first-step':
      return "This is the first step, so there's nothing to go back to.";
    case 'last-step':
      return 'This is the last step. When the group is ready, press **Finish**.';
    case 'empty':
      return "Your note was empty, so I didn't add anything. Write a few words and press **Add** again.";
    case 'bad-date':
      return `I couldn't read “${problem.typed}” as a date, so I haven't added the action yet. Please press **Add** again and write the date like 2026-12-15 or 15 Dec. Here is what you wrote, to paste back in:\n${quoted(problem.text)}`;
    case 'past-date':
      return `“${problem.typed}” has already passed, so I haven't added the action yet. Please press **Add** again with a date from today on. Here is what you wrote, to paste back in:\n${quoted(problem.text)}`;
    case 'wrong-step':
      return `This form belongs to an older version of this step. ${FOR_ONE_STEP}`;
  }
}
