import { defineCatalogue } from '../../i18n/catalogue.js';
import en from './messages/en.js';
import es from './messages/es.js';
import ptBR from './messages/pt-BR.js';

/** Everything onboarding writes, complete in English, Spanish and Brazilian Portuguese. */
export const onboardingMessages = defineCatalogue('onboarding', { en, es, 'pt-BR': ptBR });

/** One reader's onboarding messages. */
export type OnboardingSays = ReturnType<typeof onboardingMessages.for>;
