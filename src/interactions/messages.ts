import { defineCatalogue } from '../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';
import ptBR from './messages/pt-BR.js';

/** What the router says itself: server-only, stale buttons, not allowed, and its apologies. */
export const interactionMessages = defineCatalogue('interactions', { en, es, 'pt-BR': ptBR });
