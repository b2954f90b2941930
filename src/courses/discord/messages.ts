import { defineCatalogue } from '../../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';
import ptBR from './messages/pt-BR.js';

/** What courses say to members and moderators: lessons, progress, reflections, reports and nudges. */
export const courseMessages = defineCatalogue('courses', { en, es, 'pt-BR': ptBR });

export type CourseMessageKey = keyof typeof en;
