import { defineCatalogue } from '../../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';

/** What `/privacy` tells a member about their data, in their language. */
export const privacyMessages = defineCatalogue('privacy', { en, es });
