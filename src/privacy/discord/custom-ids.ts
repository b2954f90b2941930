import { arg, customId } from '../../interactions/custom-id.js';

/** The two answers to `/privacy forget`'s question; the confirmation names whose data it deletes. */
export const privacyIds = {
  forget: customId('privacy', 'forget', 1, [arg.snowflake]),
  keep: customId('privacy', 'keep', 1, []),
} as const;
