import { defineCatalogue } from '../../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';

/** What courses say to members and moderators: lessons, progress, reflections, reports and nudges. */
export const courseMessages = defineCatalogue('courses', { en, es });

export type CourseMessageKey = keyof typeof en;
