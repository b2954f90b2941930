import { z } from 'zod';
import { customId } from '../interactions/custom-id.js';
import { StepToken } from './steps.js';

/**
 * The walk's buttons and forms live in DMs, where an interaction carries no server: the server and
 * the walk's owner travel in the custom_id, and everything else is read from the database.
 */
const Snowflake = z.string().regex(/^\d{17,20}$/);
const Version = z.coerce.number().int().positive();

/** "I commit to this" on a tenet step. */
export const commitTenet = customId('onboarding', 'commit', 1, [Snowflake, Snowflake, StepToken]);
/** "Add a reflection": opens the one-line reflection form. */
export const openReflection = customId('onboarding', 'reflect', 1, [Snowflake, Snowflake, StepToken]);
/** The reflection form: commits with the reflection. */
export const reflectionForm = customId('onboarding', 'reflection', 1, [Snowflake, Snowflake, StepToken]);
/** "Introduce myself": opens the introduction form. */
export const openIntroduction = customId('onboarding', 'introduce', 1, [Snowflake, Snowflake]);
export const introductionForm = customId('onboarding', 'introduction', 1, [Snowflake, Snowflake]);
/** "I commit to these", on the prompt after moderators changed the tenets. */
export const recommitTenets = customId('onboarding', 'recommit', 1, [Snowflake, Snowflake, Version]);

/** `/tenets edit`'s form, carrying the version it was opened on. */
export const tenetsForm = customId('tenets', 'edit', 1, [Version]);
/** After a change: ask the members who committed earlier to re-commit, or leave it. */
export const askRecommit = customId('tenets', 'ask-recommit', 1, [Version]);
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
