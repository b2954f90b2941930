import { defineCatalogue, type Translate } from '../../i18n/catalogue.js';
import { ENGLISH } from '../../i18n/locales.js';
import en from './messages/en.js';
import es from './messages/es.js';

/** What the rituals feature writes: moderators' replies in their language, posts and notices in the server's. */
export const ritualMessages = defineCatalogue('rituals', { en, es });

export type RitualKey = keyof typeof en;
/** A translator of the rituals catalogue, for one reader. */
export type RitualsT = Translate<RitualKey>;

/** English: what the dashboard (English only) and the log read. */
export const ENGLISH_RITUALS: RitualsT = ritualMessages.for(ENGLISH);
