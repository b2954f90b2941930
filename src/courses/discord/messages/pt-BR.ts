import type { Messages } from '../../../i18n/catalogue.js';
import type en from './en.js';

/**
 * Brazilian Portuguese for what a member meets taking a course; the rest (moderators' replies,
 * problems) falls back to the server's language, then English. Lição and sessão are feminine.
 */
export default {
  'list.none': 'Não há cursos abertos aqui agora. Um moderador pode adicionar um com `/course import`.',
  'list.title': 'Cursos que você pode fazer',
  'list.description': 'Faça no seu ritmo; eu guardo o seu lugar. Entre em um com `/course enroll`.',
  'list.more': 'E mais {count}; digite em /course enroll para encontrá-los.',
  'list.course-finished': '{title} · ✓ concluído',
  'list.course-joined': '{title} · você está nele ({done}/{total})',
  'list.course-details':
    '{summary}\n**Para:** {audience}\n**Formato:** {unit, select, session {{count, plural, one {# sessão} other {# sessões}}} other {{count, plural, one {# lição} other {# lições}}}}, {order, select, ordered {em ordem} other {em qualquer ordem}}',
  'course.retired': '{title} (encerrado)',

  'enroll.welcome': 'Boas-vindas a **{course}** 🌱 Faça no seu ritmo; eu guardo o seu lugar, e `/course progress` mostra quando você quiser. Comece por aqui:',
  'enroll.welcome-back':
    'Que bom ter você de volta em **{course}** 🌱 Você já tinha feito {done} de {unit, select, session {{total, plural, one {# sessão} other {# sessões}}} other {{total, plural, one {# lição} other {# lições}}}}, então continua de onde parou.',
  'drop.left': 'Você saiu de **{course}**. Obrigado pelo tempo que dedicou a ele.',

  'lesson.title': '{unit, select, session {Sessão} other {Lição}} {number} de {total} · {title}',
  'lesson.experience': 'Na sua escola: {name}',
  'lesson.reflect': 'Reflita',
  'lesson.progress': 'Seu progresso',
  'lesson.completed-on': '✓ Você concluiu esta {unit, select, session {sessão} other {lição}} em {date}.',
  'lesson.blocked': 'Este curso é feito em ordem: conclua primeiro **{first}** e depois volte aqui.',
  'lesson.ready': 'Quando quiser, toque em **Concluir e refletir** para anotar o que percebeu.',
  'lesson.minutes': 'Cerca de {minutes, plural, one {# minuto} other {# minutos}}',
  'lesson.complete-button': 'Concluir e refletir',
  'lesson.practise-button': 'Praticar {protocol}',
  'lesson.open-next': 'Abrir a próxima {unit, select, session {sessão} other {lição}}',
  'lesson.finished':
    'Você concluiu **{course}**: {unit, select, session {{total, plural, one {fez a única sessão} other {fez as # sessões}}} other {{total, plural, one {fez a única lição} other {fez as # lições}}}} 🎉 Para rever uma, escolha-a na opção `lesson`.',

  'progress.title': 'Seus cursos',
  'progress.finished': 'Concluído 🎉',
  'progress.finished-on': 'Concluído em {date} 🎉',
  'progress.next': 'Próxima: {unit, select, session {Sessão} other {Lição}} {number} de {total} · **{title}**',
  'progress.footer': '/course lesson continua de onde você parou.',
  'card.percent': '{share, number, percent}',
  'card.done': '{done} de {unit, select, session {{total, plural, one {# sessão feita} other {# sessões feitas}}} other {{total, plural, one {# lição feita} other {# lições feitas}}}}',
  'card.finished': 'Concluído: {unit, select, session {{total, plural, one {a única sessão feita} other {as # sessões feitas}}} other {{total, plural, one {a única lição feita} other {as # lições feitas}}}}',
  'card.next': 'Próxima: {unit, select, session {Sessão} other {Lição}} {number} de {total} · {title}',
  'card.activity': 'Última {unit, select, session {sessão} other {lição}} feita {days, plural, =0 {hoje} =1 {ontem} other {há # dias}}',
  'card.alt':
    'Cartão de progresso de {title}: {done} de {unit, select, session {{total, plural, one {# sessão feita} other {# sessões feitas}}} other {{total, plural, one {# lição feita} other {# lições feitas}}}} ({share, number, percent}).',

  'completed.last': 'Você concluiu **{lesson}**, e era a última: você terminou **{course}**! 🎉',
  'completed.next': 'Você concluiu **{lesson}**. A seguir: **{next}**.',
  'completed.share-question': 'Sua reflexão está guardada em particular. Quer compartilhá-la com o canal do curso? Ninguém é mencionado.',
  'completed.share-button': 'Compartilhar com o canal do curso',
  'completed.keep-button': 'Manter em particular',
  'share.done': 'Compartilhada em {channel}: [ver sua publicação]({url}). Obrigado por aprender em voz alta 🌱',
  'share.kept-private': 'Sua reflexão continua em particular: só você pode vê-la, com `/privacy export`. Muito bem, mais uma {unit, select, session {sessão} other {lição}}! 🌱',

  'modal.title': 'Reflita: {lesson}',
  'modal.label': 'Sua reflexão',
  'modal.description': 'Até {limit, number} caracteres. Fica em particular, a menos que você compartilhe.',
  'modal.placeholder': 'O que você percebeu? O que vai experimentar agora?',

  'problem.no-courses': 'Você ainda não entrou em nenhum curso. `/course list` mostra o que há, e `/course enroll` coloca você a caminho.',
  'problem.reflection-empty': 'Sua reflexão parece vazia. Escreva uma ou duas linhas sobre o que percebeu e tente de novo.',
} satisfies Partial<Messages<keyof typeof en>>;
