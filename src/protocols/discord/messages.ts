import { defineCatalogue, type Translate } from '../../i18n/catalogue.js';
import type { Reader } from '../../i18n/locales.js';
import en from './messages/en.js';
import es from './messages/es.js';
import ptBR from './messages/pt-BR.js';

/** What the protocols feature writes, in the language of whoever reads it. */
export const protocolMessages = defineCatalogue('protocols', { en, es, 'pt-BR': ptBR });

export type ProtocolMessageKey = keyof typeof en;

/** The protocols' translator for one reader (`t('step.title', …)`). */
export type ProtocolsSay = Translate<ProtocolMessageKey>;

export const protocolsSayTo = (reader: Reader): ProtocolsSay => protocolMessages.for(reader);
