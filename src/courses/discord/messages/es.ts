import type { Messages } from '../../../i18n/catalogue.js';
import type en from './en.js';

/** Lección and sesión are both feminine, which the words around `{unit}` agree with. */
export default {
  'list.none': 'Ahora mismo no hay cursos abiertos aquí. Un moderador puede añadir uno con `/course import`.',
  'list.title': 'Cursos que puedes hacer',
  'list.description': 'Hazlos a tu ritmo; yo guardo tu lugar. Únete a uno con `/course enroll`.',
  'list.more': 'Y {count} más; escribe en /course enroll para encontrarlos.',
  'list.course-finished': '{title} · ✓ terminado',
  'list.course-joined': '{title} · estás en él ({done}/{total})',
  'list.course-details':
    '{summary}\n**Para:** {audience}\n**Formato:** {unit, select, session {{count, plural, one {# sesión} other {# sesiones}}} other {{count, plural, one {# lección} other {# lecciones}}}}, {order, select, ordered {en orden} other {en cualquier orden}}',
  'course.retired': '{title} (retirado)',

  'enroll.welcome': 'Te damos la bienvenida a **{course}** 🌱 Hazlo a tu ritmo; yo guardo tu lugar, y `/course progress` te lo muestra cuando quieras. Aquí empiezas:',
  'enroll.welcome-back':
    'Qué bueno verte de nuevo en **{course}** 🌱 Ya habías hecho {done} de {unit, select, session {{total, plural, one {# sesión} other {# sesiones}}} other {{total, plural, one {# lección} other {# lecciones}}}}, así que sigues justo donde lo dejaste.',
  'drop.left': 'Saliste de **{course}**. Gracias por el tiempo que le dedicaste.',
  'drop.left-kept':
    'Saliste de **{course}**. Guardé {unit, select, session {{done, plural, one {tu sesión completada} other {tus # sesiones completadas}}} other {{done, plural, one {tu lección completada} other {tus # lecciones completadas}}}} y tus reflexiones, así que si vuelves con `/course enroll` seguirás donde lo dejaste. (`/privacy forget` las borra para siempre.) Gracias por el tiempo que le dedicaste.',

  'lesson.title': '{unit, select, session {Sesión} other {Lección}} {number} de {total} · {title}',
  'lesson.experience': 'En tu escuela: {name}',
  'lesson.reflect': 'Reflexiona',
  'lesson.progress': 'Tu progreso',
  'lesson.completed-on': '✓ Completaste esta {unit, select, session {sesión} other {lección}} el {date}.',
  'lesson.blocked': 'Este curso se hace en orden: completa primero **{first}** y luego vuelve aquí.',
  'lesson.ready': 'Cuando quieras, pulsa **Completar y reflexionar** para anotar lo que notaste.',
  'lesson.minutes': 'Alrededor de {minutes, plural, one {# minuto} other {# minutos}}',
  'lesson.complete-button': 'Completar y reflexionar',
  'lesson.practise-button': 'Practicar {protocol}',
  'lesson.open-next': 'Abrir la siguiente {unit, select, session {sesión} other {lección}}',
  'lesson.finished':
    'Terminaste **{course}**: {unit, select, session {{total, plural, one {hiciste la única sesión} other {hiciste las # sesiones}}} other {{total, plural, one {hiciste la única lección} other {hiciste las # lecciones}}}} 🎉 Para repasar una, elígela en la opción `lesson`.',

  'progress.title': 'Tus cursos',
  'progress.finished': 'Terminado 🎉',
  'progress.finished-on': 'Terminado el {date} 🎉',
  'progress.next': 'Siguiente: {unit, select, session {Sesión} other {Lección}} {number} de {total} · **{title}**',
  'progress.footer': '/course lesson retoma donde lo dejaste.',
  'card.percent': '{share, number, percent}',
  'card.done': '{done} de {unit, select, session {{total, plural, one {# sesión hecha} other {# sesiones hechas}}} other {{total, plural, one {# lección hecha} other {# lecciones hechas}}}}',
  'card.finished':
    'Terminado: {unit, select, session {{total, plural, one {la única sesión hecha} other {las # sesiones hechas}}} other {{total, plural, one {la única lección hecha} other {las # lecciones hechas}}}}',
  'card.next': 'Siguiente: {unit, select, session {Sesión} other {Lección}} {number} de {total} · {title}',
  'card.activity': 'Última {unit, select, session {sesión} other {lección}} hecha {days, plural, =0 {hoy} =1 {ayer} other {hace # días}}',
  'card.streak': '{weeks, plural, one {Racha: # semana} other {Racha: # semanas seguidas}}',
  'card.streak-keep': '{weeks, plural, one {Racha: # semana} other {Racha: # semanas seguidas}} · una {unit, select, session {sesión} other {lección}} esta semana la mantiene',
  'card.alt':
    'Tarjeta de progreso de {title}: {done} de {unit, select, session {{total, plural, one {# sesión hecha} other {# sesiones hechas}}} other {{total, plural, one {# lección hecha} other {# lecciones hechas}}}} ({share, number, percent}).',

  'completed.last': 'Completaste **{lesson}**, y era la última: ¡terminaste **{course}**! 🎉',
  'completed.next': 'Completaste **{lesson}**. Lo siguiente: **{next}**.',
  'completed.share-question': 'Tu reflexión está guardada en privado. ¿Quieres compartirla con el canal del curso? No se menciona a nadie.',
  'completed.share-button': 'Compartir con el canal del curso',
  'completed.keep-button': 'Mantenerla privada',
  'shared.post': '{member} compartió una reflexión sobre **{lesson}** de *{course}*:\n>>> *{prompt}*\n\n{body}',
  'share.failed':
    'No pude publicar en {channel}; quizá un moderador tenga que dejarme escribir allí (o elegir otro canal con `/course channel`). Tu reflexión está a salvo y sigue siendo privada por ahora.',
  'share.done': 'Compartida en {channel}: [ver tu publicación]({url}). Gracias por aprender en voz alta 🌱',
  'share.kept-private':
    'Tu reflexión sigue siendo privada: solo tú puedes verla, con `/privacy export`. ¡Bien hecho, una {unit, select, session {sesión} other {lección}} más! 🌱',

  'modal.title': 'Reflexiona: {lesson}',
  'modal.label': 'Tu reflexión',
  'modal.description': 'Hasta {limit, number} caracteres. Es privada a menos que la compartas.',
  'modal.placeholder': '¿Qué notaste? ¿Qué vas a probar ahora?',

  'import.new':
    'Importé **{course}** ({unit, select, session {{count, plural, one {# sesión} other {# sesiones}}} other {{count, plural, one {# lección} other {# lecciones}}}}). Los miembros pueden unirse con `/course enroll`.',
  'import.updated':
    'Actualicé **{course}** ({unit, select, session {{count, plural, one {# sesión} other {# sesiones}}} other {{count, plural, one {# lección} other {# lecciones}}}}). {enrolled, plural, one {El # miembro que está en él conserva} other {Los # miembros que están en él conservan}} su progreso en cada {unit, select, session {sesión} other {lección}} cuyo id no cambió.',
  'import.removed':
    '{count, plural, one {{ids} ya no está en el curso; se guarda quién la completó, pero ya no cuenta.} other {{ids} ya no están en el curso; se guarda quién las completó, pero ya no cuentan.}}',
  'retire.question':
    '¿Retirar **{course}**? Saldrá de `/course list` y nadie nuevo podrá unirse. {enrolled, plural, one {El # miembro que ya está en él puede terminarlo} other {Los # miembros que ya están en él pueden terminarlo}}, y su progreso se conserva.',
  'retire.confirm-button': 'Retirarlo',
  'retire.keep-button': 'Mantenerlo',
  'retire.done': '**{course}** está retirado. Quienes ya están en él pueden terminarlo.',
  'retire.cancelled': 'No cambió nada.',
  'report.empty': 'Nadie se ha unido todavía a **{course}**, así que no hay nada que informar.',
  'report.summary':
    '**{course}**: {enrolled, plural, one {# miembro inscrito} other {# miembros inscritos}}. Terminaron: {finished}; en camino: {inProgress}; sin empezar todavía: {notStarted}.',
  'report.all-active': 'Todos los que siguen en él han tenido actividad en {days, plural, one {el último día} other {los últimos # días}}.',
  'report.idle':
    '{idle, plural, one {# miembro lleva} other {# miembros llevan}} más de {days, plural, one {# día} other {# días}} sin actividad; `/course nudge` puede enviarles un saludo amable.',
  'report.one-row-per-member': 'El archivo tiene una fila por miembro.',
  'report.filename': 'informe-curso-{course}-{date}.csv',
  'report.column.member': 'miembro',
  'report.column.member-id': 'id_miembro',
  'report.column.enrolled-at': 'inscrito_el',
  'report.column.lessons-done': 'lecciones_hechas',
  'report.column.lessons-total': 'lecciones_totales',
  'report.column.last-activity': 'ultima_actividad',
  'report.column.finished-at': 'terminado_el',
  'nudge.nobody': 'Nadie necesitaba un recordatorio: nadie que siga con un curso lleva más de {days, plural, one {# día} other {# días}} sin actividad.',
  'nudge.nobody-unheard':
    'Nadie necesitaba un recordatorio: nadie que siga con un curso lleva más de {days, plural, one {# día} other {# días}} sin actividad y sin saber de mí esta semana.',
  'nudge.none-reached': 'Esta vez no pude contactar a nadie con más de {days, plural, one {# día} other {# días}} sin actividad.',
  'nudge.sent': 'Envié un saludo amable a {sent, plural, one {# miembro} other {# miembros}} con más de {days, plural, one {# día} other {# días}} sin actividad.',
  'nudge.skipped': '{count, plural, one {# miembro ya recibió} other {# miembros ya recibieron}} un recordatorio en la última semana, así que no les escribí.',
  'nudge.dms-closed':
    '{count, plural, one {# miembro no pudo} other {# miembros no pudieron}} recibir un mensaje directo mío (tienen los mensajes directos desactivados o se fueron del servidor).',
  'nudge.left': '{count, plural, one {# miembro se fue} other {# miembros se fueron}} del servidor, así que no les escribí.',
  'nudge.later':
    '{count, plural, one {# miembro sabrá} other {# miembros sabrán}} de mí la próxima vez: Discord me pidió ir más despacio, así que vuelve a usar `/course nudge` más tarde.',
  'nudge.failed': '{count, plural, one {# mensaje no llegó} other {# mensajes no llegaron}}; el registro del bot tiene los detalles.',
  'nudge.our-community': 'nuestra comunidad',
  'dm.hello': 'Hola desde {server} 🌱 Solo una nota amable: {count, plural, one {tu curso te espera} other {tus cursos te esperan}} cuando quieras:',
  'dm.course': '• **{course}**: {done} de {unit, select, session {{total, plural, one {# sesión hecha} other {# sesiones hechas}}} other {{total, plural, one {# lección hecha} other {# lecciones hechas}}}}',
  'dm.course-next':
    '• **{course}**: {done} de {unit, select, session {{total, plural, one {# sesión hecha} other {# sesiones hechas}}} other {{total, plural, one {# lección hecha} other {# lecciones hechas}}}}; lo siguiente: *{next}*',
  'dm.more': '…y {count} más.',
  'dm.closing': '`/course lesson` en {server} retoma justo donde lo dejaste. Sin prisa: cada paso cuenta, a tu ritmo.',
  'channel.set': 'Las reflexiones que los miembros compartan sobre **{course}** se publicarán en {channel}, sin mencionar a nadie.',
  'channel.cannot-post': 'Atención: todavía no puedo publicar en {channel}. Dame los permisos **Ver canal** y **Enviar mensajes** allí.',

  'problem.unknown-course': 'No encontré ningún curso llamado "{query}". `/course list` muestra los cursos de aquí.',
  'problem.no-courses': 'Todavía no te has unido a ningún curso. `/course list` muestra lo que hay, y `/course enroll` te pone en marcha.',
  'problem.which-course': 'Estás en {count} cursos ({courses}). Elige uno en la opción `course`.',
  'problem.unknown-lesson':
    '**{course}** no tiene ninguna {unit, select, session {sesión} other {lección}} llamada "{query}". Empieza a escribir en la opción `lesson` y te las sugeriré.',
  'problem.retired': '**{course}** ya no acepta miembros nuevos. `/course list` muestra los cursos abiertos.',
  'problem.already-retired': '**{course}** ya está retirado.',
  'problem.already-enrolled': 'Ya estás en **{course}**. `/course lesson` retoma donde lo dejaste.',
  'problem.not-enrolled': 'Todavía no te has unido a **{course}**. `/course enroll` te pone en marcha.',
  'problem.already-completed': 'Ya completaste **{lesson}** el {date}. ¡Buen trabajo! `/course lesson` te muestra lo que sigue.',
  'problem.out-of-order': '**{course}** se hace en orden, así que **{first}** va antes que **{lesson}**. `/course lesson` te la abre.',
  'problem.course-finished':
    'Ya completaste todas las {unit, select, session {sesiones} other {lecciones}} de **{course}** 🎉 Para repasar una, ábrela con `/course lesson`.',
  'problem.reflection-empty': 'Tu reflexión parece vacía. Escribe una o dos líneas sobre lo que notaste y vuelve a intentarlo.',
  'problem.reflection-a-little-long':
    'Esa reflexión tiene {length, number} caracteres, un poco más de los {limit, number} que puedo guardar. ¿Podrías acortarla y enviarla de nuevo? Todavía no se guardó nada.',
  'problem.reflection-too-long':
    'Esa reflexión tiene {length, number} caracteres, y puedo guardar hasta {limit, number}. ¿Podrías acortarla y enviarla de nuevo? Todavía no se guardó nada.',
  'problem.no-reflection': 'No tengo ninguna reflexión tuya sobre **{lesson}**, así que todavía no hay nada que compartir.',
  'problem.already-shared': 'Tu reflexión sobre **{lesson}** ya está compartida.',
  'import.problem.not-json': 'Adjunta el curso como archivo `.json`; "{filename}" no lo es. No se cambió nada.',
  'import.problem.too-large':
    'Ese archivo ocupa {size, number} kB, y un archivo de curso puede ocupar como máximo {limit, number} kB. ¿Es el archivo correcto? No se cambió nada.',
  'import.problem.too-large-unmeasured':
    'Ese archivo ocupa más de {limit, number} kB, y un archivo de curso puede ocupar como máximo {limit, number} kB. ¿Es el archivo correcto? No se cambió nada.',
  'import.problem.not-utf8':
    '"{filename}" no está guardado como texto UTF-8, así que algunas de sus letras saldrían mal. Guárdalo como UTF-8 (la mayoría de los editores lo ofrecen al guardar) y vuelve a adjuntarlo. No se cambió nada.',
  'import.problem.too-deep':
    'Ese archivo anida sus corchetes a más de {limit} niveles, y un curso solo necesita cuatro, así que dejé de leerlo. ¿Es el archivo correcto? No se cambió nada.',
  'import.problem.unreadable': 'No pude descargar "{filename}" de Discord. Inténtalo de nuevo en un momento; no se cambió nada.',
  'import.problem.shipped-id': 'El id "{id}" es de **{course}**, que viene con Roots Bot. Dale a tu curso un id propio. No se cambió nada.',
  'import.problem.invalid': 'No pude importar ese curso, así que no se cambió nada. {count, plural, one {Hay una cosa} other {Hay # cosas}} que arreglar (archivo:línea:columna):',
  'import.problem.more': '…y {count} más',
} satisfies Messages<keyof typeof en>;
