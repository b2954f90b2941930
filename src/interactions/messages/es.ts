import type { Messages } from '../../i18n/catalogue.js';
import type en from './en.js';

export default {
  'server-only': 'Eso funciona dentro de un servidor, así que úsalo allí: cada comunidad guarda lo suyo.',
  'stale-component': 'Este botón es de un mensaje anterior y ya no funciona. Vuelve a usar el comando para tener uno nuevo.',
  'unknown-command': 'Ya no conozco ese comando; quizá cambió de nombre. Escribe `/` para ver lo que puedo hacer.',
  'not-a-moderator': 'Solo los moderadores (miembros con **Gestionar servidor**) pueden hacer eso. Si crees que deberías poder, pregúntale a un moderador.',
  'something-went-wrong':
    'Lo siento, algo falló de mi lado y no pude terminarlo. Inténtalo de nuevo en un momento; si sigue pasando, comparte esta referencia con un moderador: `{reference}`.',
  'database-busy-nothing-saved': 'La base de datos está ocupada un momento, así que no pude hacerlo y no se guardó nada. Inténtalo de nuevo en un minuto.',
  'database-busy-partly-saved': 'La base de datos se ocupó a mitad de camino, así que no pude terminarlo; puede que una parte ya esté guardada. Inténtalo de nuevo en un minuto.',
} satisfies Messages<keyof typeof en>;
