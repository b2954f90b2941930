import { arg, customId } from '../../interactions/custom-id.js';

export { practiseProtocol } from '../practice-link.js';

/**
 * Every protocol button, menu and form carries the run and the step it was drawn for; the rest is
 * read from the database when it is used, so they keep working after a restart, and a click on a
 * step the group has left is recognised as such.
 */
const runAndStep = [arg.id, arg.index] as const;

export const addButton = customId('protocol', 'add', 1, runAndStep);
export const contributeModal = customId('protocol', 'contribute', 1, runAndStep);
export const nextButton = customId('protocol', 'next', 1, runAndStep);
export const backButton = customId('protocol', 'back', 1, runAndStep);
export const pauseButton = customId('protocol', 'pause', 1, runAndStep);
export const resumeButton = customId('protocol', 'resume', 1, runAndStep);
/** Finish on the last step; on an earlier one it asks first ({@link finishNowButton}). */
export const finishButton = customId('protocol', 'finish', 1, runAndStep);
export const finishNowButton = customId('protocol', 'finish-now', 1, runAndStep);
/** v2: it names its prompt's run and step, so it only ever closes that prompt. */
export const keepGoingButton = customId('protocol', 'keep-going', 2, runAndStep);
/** `/protocol stop` asks first: Yes, stop ({@link stopButton}) or Keep going ({@link stopKeepGoingButton}). */
export const stopButton = customId('protocol', 'stop', 1, [arg.id]);
export const stopKeepGoingButton = customId('protocol', 'stop-keep-going', 1, [arg.id]);
export const chooseSelect = customId('protocol', 'choose', 1, runAndStep);
/** The form asking for a topic after a course lesson's "practise this protocol" button. */
export const practiseTopicModal = customId('protocol', 'practise-topic', 1, [arg.key]);

/** Field ids inside the forms. */
export const FIELD = { text: 'text', category: 'category', owner: 'owner', due: 'due', topic: 'topic' } as const;
