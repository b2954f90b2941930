import { courseMessages, type CourseMessageKey } from '../../src/courses/discord/messages.js';
import type { MessageValues } from '../../src/i18n/catalogue.js';
import { protocolMessages, type ProtocolMessageKey } from '../../src/protocols/discord/messages.js';
import { onboardingSays } from '../e2e/onboarding/support.js';
import { said } from './i18n.js';

/** What the Spanish journeys (through the harness and through the sandbox's terminal) expect. */
export const SPANISH = 'es-ES';

/** What each feature says to a reader of Spanish, or (to show it isn't the same words) of another language. */
export const onboarding = (key: Parameters<typeof onboardingSays>[0], values?: MessageValues, locale = SPANISH) => onboardingSays(key, values, locale);
export const courses = (key: CourseMessageKey, values?: MessageValues, locale = SPANISH) => said(courseMessages, key, values, locale);
export const protocols = (key: ProtocolMessageKey, values?: MessageValues, locale = SPANISH) => said(protocolMessages, key, values, locale);

/** The shipped content's Spanish words (data/onboarding, data/courses, data/protocols). */
export const FIRST_TENET = 'Comparte con generosidad';
export const RAICES = 'De las causas raíz a la acción desde la base';
export const SUELO = 'Prepara tu suelo';
export const DISCURSO = 'Cambia el discurso';
