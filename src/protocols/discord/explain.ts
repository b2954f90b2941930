import { UserFacingError } from '../../interactions/errors.js';
import { unwrapWith } from '../../outcome.js';
import { TOPIC_MAX_LENGTH, TOPIC_MIN_LENGTH } from '../facilitation.js';
import type { ProtocolProblem } from '../problems.js';

const quoted = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

const FOR_ONE_STEP = 'Please use the newest step message in the thread.';

/** What a member is told when a protocol action didn't happen: plain, kind, and what to do next. */
export function explainProtocolProblem(problem: ProtocolProblem): string {
  switch (problem.kind) {
    case 'no-such-run':
      return "I can't find this protocol anymore. You can start a new one with `/protocol start`.";
    case 'elsewhere':
      return "This button belongs to a protocol in another thread, so I didn't change anything. Please use the buttons in the protocol's own thread.";
    case 'finished':
      return 'This protocol has finished, so its buttons are resting now. The summary is at the end of the thread, and `/protocol export` gives you the full record.';
    case 'stopped':
      return 'This protocol has already been stopped. Everything the group said is still in the thread, and `/protocol export` gives you the record.';
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
    case 'too-long':
      return `Your note is ${problem.length} characters long, and a note here can be at most ${problem.limit}, so I didn't add it. Please shorten it and press **Add** again.`;
    case 'bad-date':
      return `I couldn't read “${problem.typed}” as a date, so I haven't added the action yet. Please press **Add** again and write the date like 2026-12-15 or 15 Dec. Here is what you wrote, to paste back in:\n${quoted(problem.text)}`;
    case 'past-date':
      return `“${problem.typed}” has already passed, so I haven't added the action yet. Please press **Add** again with a date from today on. Here is what you wrote, to paste back in:\n${quoted(problem.text)}`;
    case 'wrong-step':
      return `This form belongs to an older version of this step. ${FOR_ONE_STEP}`;
    case 'protocol-gone':
      return "That protocol isn't available anymore. Type `/protocol start` to see the ones you can run.";
    case 'unknown-protocol':
      return "I don't know that protocol. Type `/protocol start` and pick one from the list as you type.";
    case 'which-run':
      return `Which protocol? Run this inside its thread, or pick one in the \`${problem.option}\` option as you type.`;
    case 'bad-topic':
      return `Please describe the problem in ${TOPIC_MIN_LENGTH} to ${TOPIC_MAX_LENGTH} characters; it becomes the thread's name.`;
    case 'inside-a-thread':
      return 'A protocol opens a thread of its own, so please start it from a regular channel rather than inside a thread.';
    case 'missing-permissions': {
      const { missing } = problem;
      return `I can't open a protocol thread in this channel: I'm missing ${missing.map((m) => `**${m}**`).join(', ')} here. A moderator can give me ${missing.length === 1 ? 'it' : 'them'} in the channel's settings, or you can start the protocol in another channel.`;
    }
    case 'thread-refused':
      return "I wasn't allowed to open a thread in this channel, so nothing was started. A moderator can check my permissions here (I need **Create Public Threads** and **Send Messages in Threads**), or you can start the protocol in another channel.";
    case 'not-a-text-channel':
      return "I can't open threads in this kind of channel. Please start the protocol from a regular text channel.";
    case 'not-this-prompt':
      return 'That button answers one of my questions (“finish early?” or “stop?”), so I left that message as it is. Ask again from the step message or with `/protocol stop`.';
    case 'add-from-step':
      return 'Please press **Add** on the step message in the thread to contribute.';
  }
}

/** The one way protocol handlers unwrap: `const run = orExplain(await findOpenRun(...))`. */
export const orExplain = unwrapWith(explainProtocolProblem);

/** Stops a handler with a problem found outside a service (a check on the interaction itself). */
export function refuse(problem: ProtocolProblem): never {
  throw new UserFacingError(explainProtocolProblem(problem));
}
