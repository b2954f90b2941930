import { arg, customId } from '../../interactions/custom-id.js';
import { StepToken } from '../steps.js';

/**
 * The walk's buttons and forms live in DMs, where an interaction carries no server: the server and
 * the walk's owner travel in the custom_id, and everything else is read from the database.
 * Handlers: `onboarding:*` in walk-routes.ts, `tenets:*` in tenets-routes.ts.
 */

/** "I commit to this" on a tenet step. */
export const commitTenet = customId('onboarding', 'commit', 1, [arg.snowflake, arg.snowflake, StepToken]);
/** "Add a reflection": opens the one-line reflection form. */
export const openReflection = customId('onboarding', 'reflect', 1, [arg.snowflake, arg.snowflake, StepToken]);
/** The reflection form: commits with the reflection. */
export const reflectionForm = customId('onboarding', 'reflection', 1, [arg.snowflake, arg.snowflake, StepToken]);
/** "Introduce myself": opens the introduction form. */
export const openIntroduction = customId('onboarding', 'introduce', 1, [arg.snowflake, arg.snowflake]);
export const introductionForm = customId('onboarding', 'introduction', 1, [arg.snowflake, arg.snowflake]);
/** "I commit to these", on the prompt after moderators changed the tenets. */
export const recommitTenets = customId('onboarding', 'recommit', 1, [arg.snowflake, arg.snowflake, arg.id]);

/** `/tenets edit`'s form, carrying the version it was opened on. */
export const tenetsForm = customId('tenets', 'edit', 1, [arg.id]);
/** After a change: ask the members who committed earlier to re-commit, or leave it. */
export const askRecommit = customId('tenets', 'ask-recommit', 1, [arg.id]);
export const skipRecommit = customId('tenets', 'skip-recommit', 1, []);

/** Field ids inside the forms. */
export const FIELDS = {
  reflection: 'reflection',
  name: 'name',
  role: 'role',
  schoolRegion: 'school-region',
  reasons: 'reasons',
  note: 'note',
  tenet: (position: number) => `tenet-${position}`,
} as const;
