import type { Messages } from '../../../i18n/catalogue.js';
import type en from './en.js';

export default {
  'export.nothing': 'No guardo nada sobre ti en este servidor.',
  'export.everything': 'Aquí tienes todo lo que guardo sobre ti en este servidor.',
  'forget.ask':
    'Esto borra lo que guardo sobre ti en este servidor: tu recorrido de bienvenida, tus compromisos y tu presentación, tu progreso y tus reflexiones en los cursos, tus escuchas del club de pódcast, y tus aportes y acciones en los protocolos. Las publicaciones que ya están en los canales se quedan. No se puede deshacer. ¿Seguimos?',
  'forget.yes': 'Sí, olvídame',
  'forget.no': 'Conservar mis datos',
  'forget.not-yours': 'Este botón es de otra persona.',
  'forget.done-nothing': 'Hecho. No tenía nada guardado sobre ti aquí.',
  'forget.done': 'Hecho. Borré {count, plural, one {# registro} other {# registros}} sobre ti en este servidor.',
  'forget.kept': 'No cambió nada; tus datos siguen como estaban.',
} satisfies Messages<keyof typeof en>;
