import { defineCatalogue, type Translate } from '../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';

/** What `/about` says. */
export const aboutMessages = defineCatalogue('about', { en, es });

export type AboutT = Translate<keyof typeof en>;
