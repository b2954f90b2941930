import type { CommandLocalizations } from '../../interactions/command-localizations.js';
import { readerOf } from '../../i18n/locales.js';
import { RITUAL_KINDS } from '../model.js';
import type { LibrarySpec } from './libraries.js';
import { ritualMessages } from './messages.js';

/**
 * The Spanish words of `/ritual`, `/poem` and `/podcast` (the English is in their builders). Kept
 * here, not in commands/, because the loader loads every file there as a command.
 */

const es = ritualMessages.for(readerOf('es'));
const WHICH = 'Qué ritual (empieza a escribir para elegir)';

/** Every subcommand that takes the one `ritual` option, with its description. */
const WITH_RITUAL: Readonly<Record<string, string>> = {
  edit: 'Cambia dónde, cuándo o cómo publica un ritual',
  pause: 'Detiene un ritual hasta que lo reanudes',
  resume: 'Vuelve a poner en marcha un ritual en pausa',
  delete: 'Elimina un ritual y su horario',
  preview: 'Mira la próxima publicación antes de que salga',
  'run-now': 'Publica el ritual ahora mismo, como extra',
  'skip-next': 'Salta la próxima publicación programada',
  retry: 'Vuelve a intentar una publicación que falló',
};

export const ritualLocalizations: CommandLocalizations = {
  es: {
    description: 'Poemas semanales, club de pódcast y propuestas, publicados con un horario',
    'create.description': 'Crea un ritual: qué publicar, dónde y cuándo',
    'create.kind.description': 'Qué publicar',
    ...Object.fromEntries(RITUAL_KINDS.map((kind) => [`create.kind.choice.${kind}`, es(`kind.${kind}`)])),
    'create.channel.description': 'Dónde publicarlo',
    'create.cron.description': 'Cuándo, en cinco partes cron: 0 9 * * 1 es cada lunes a las 9:00',
    'create.timezone.description': 'Con qué reloj, p. ej. America/Mexico_City',
    'create.thread.description': 'Abrir un hilo de conversación en cada publicación (por defecto: sí, salvo en propuestas)',
    'create.text.description': 'Para una propuesta: las palabras que publicar',
    'create.catch_up_hours.description': 'Si estaba desconectado cuando tocaba, publicar hasta estas horas tarde (6 por defecto)',
    'list.description': 'Los rituales de este servidor, sus próximas publicaciones y cualquier problema',
    'history.description': 'Qué pasó con las últimas 12 publicaciones de cada ritual, en una imagen',
    'history.ritual.description': 'Solo este ritual (empieza a escribir para elegir)',
    ...Object.fromEntries(Object.entries(WITH_RITUAL).flatMap(([sub, description]) => [[`${sub}.description`, description], [`${sub}.ritual.description`, WHICH]])),
    'edit.channel.description': 'Un canal nuevo',
    'edit.cron.description': 'Un horario nuevo, en cinco partes cron',
    'edit.timezone.description': 'Una zona horaria nueva',
    'edit.thread.description': 'Abrir un hilo de conversación en cada publicación',
    'edit.text.description': 'Las nuevas palabras de una propuesta',
    'edit.catch_up_hours.description': 'Cuántas horas tarde puede salir todavía una publicación perdida',
  },
};

/** `/poem` and `/podcast`: the same command over a different library (libraries.ts). */
const LIBRARY_WORDS: Readonly<Record<LibrarySpec['kind'], Readonly<Record<string, string>>>> = {
  poem: {
    description: 'Los poemas del servidor para el ritual de poesía',
    'add.description': 'Añade un poema a la biblioteca de este servidor',
    'list.description': 'Los poemas de la biblioteca de este servidor',
    'remove.description': 'Saca un poema de la rotación',
    'remove.poem.description': 'Qué poema (empieza a escribir para elegir)',
  },
  podcast: {
    description: 'Los episodios y propuestas del club de pódcast del servidor',
    'add.description': 'Añade un episodio a la biblioteca de este servidor',
    'list.description': 'Los episodios de la biblioteca de este servidor',
    'remove.description': 'Saca un episodio de la rotación',
    'remove.episode.description': 'Qué episodio (empieza a escribir para elegir)',
  },
};

export const libraryLocalizations = (spec: LibrarySpec): CommandLocalizations => ({ es: LIBRARY_WORDS[spec.kind] });
