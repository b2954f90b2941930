import type { CommandLocalizations } from '../../interactions/command-localizations.js';

/**
 * `/course` in the other languages. Names stay English: members and the bot's own messages call
 * it `/course enroll` in every language, and Discord finds a command by its English name anyway.
 */
export const courseCommandLocalizations: CommandLocalizations = {
  es: {
    description: 'Haz los cursos de la comunidad a tu ritmo; yo guardo tu lugar',
    'list.description': 'Mira los cursos que puedes hacer aquí',
    'enroll.description': 'Únete a un curso y mira por dónde empezar',
    'enroll.course.description': 'El curso al que quieres unirte',
    'lesson.description': 'Abre tu siguiente lección, o la que elijas',
    'lesson.course.description': 'Qué curso (hace falta si estás en varios)',
    'lesson.lesson.description': 'Una lección para abrir; la siguiente si lo dejas vacío',
    'complete.description': 'Marca una lección como completada con una breve reflexión',
    'complete.course.description': 'Qué curso (hace falta si estás en varios)',
    'complete.lesson.description': 'La lección que terminaste; la siguiente si lo dejas vacío',
    'progress.description': 'Mira cuánto llevas en cada uno de tus cursos',
    'drop.description': 'Deja un curso (tu progreso se guarda si vuelves)',
    'drop.course.description': 'El curso que quieres dejar',
    'import.description': 'Moderadores: añade o actualiza un curso desde un archivo .json',
    'import.file.description': 'El archivo del curso (.json)',
    'retire.description': 'Moderadores: cierra un curso a miembros nuevos',
    'retire.course.description': 'El curso que quieres retirar',
    'report.description': 'Moderadores: el progreso de todos en un curso, como archivo CSV',
    'report.course.description': 'El curso del informe',
    'report.idle_days.description': 'Cuenta como inactivos a los miembros tras estos días (14 si lo dejas vacío)',
    'nudge.description': 'Moderadores: envía un MD amable a quienes llevan tiempo inactivos en un curso',
    'nudge.days.description': 'Recuerda a quienes llevan más de estos días sin actividad',
    'nudge.course.description': 'Solo este curso (todos si lo dejas vacío)',
    'channel.description': 'Moderadores: elige dónde aparecen las reflexiones compartidas de un curso',
    'channel.course.description': 'El curso',
    'channel.channel.description': 'Un canal de texto',
  },
};
