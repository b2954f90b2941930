import type { Messages } from '../../i18n/catalogue.js';
import type en from './en.js';

export default {
  'picture.not-drawn': '(Esta vez no pude dibujar la imagen; todos los números están aquí. Referencia para un moderador: `{reference}`.)',
} satisfies Messages<keyof typeof en>;
