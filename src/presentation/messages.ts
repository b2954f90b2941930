import { defineCatalogue } from '../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';

/** What the shared presentation helpers (pictures' fallback) say, in the reader's language. */
export const presentationMessages = defineCatalogue('presentation', { en, es });
