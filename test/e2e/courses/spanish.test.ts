import { afterEach, describe, expect, it } from 'vitest';
import { courseMessages, type CourseMessageKey } from '../../../src/courses/discord/messages.js';
import { chooseServerLanguage } from '../../../src/guilds/server-language.js';
import type { MessageValues } from '../../../src/i18n/catalogue.js';
import { said } from '../../support/i18n.js';
import { clickAndWait, DAY_MS, LEADING, message, modal, ROOT_CAUSES, startCourseScene, type CourseScene } from './support.js';

/** What the courses catalogue says to a reader of Spanish. */
const es = (key: CourseMessageKey, values?: MessageValues) => said(courseMessages, key, values, 'es-ES');

/** The shipped courses' Spanish words, as data/courses/*.json translate them. */
const RAICES = 'De las causas raíz a la acción desde la base';
const LIDERAR = 'Liderar escuelas equitativas';
const SUELO = 'Prepara tu suelo';
const DISCURSO = 'Cambia el discurso';
const SUELO_PREGUNTA =
  '¿Cuál de las tres condiciones (evidencia, tiempo y lugar, las personas adecuadas) le falta más a tu equipo ahora mismo, y qué paso puedes dar esta semana para ponerla en marcha?';

describe('courses in Spanish', () => {
  let scene: CourseScene;
  afterEach(() => scene.bed.close());

  it('lists, enrols, opens a lesson, completes it with a reflection and shows progress, all in Spanish', async () => {
    scene = await startCourseScene({ locales: { server: 'es-ES', members: 'es-ES' } });
    const alice = scene.bed.harness.as(scene.alice);

    const list = message(await alice.run('#general', 'course list'));
    expect(list.embeds[0]?.title).toBe(es('list.title'));
    expect(list.embeds[0]?.description).toBe(es('list.description'));
    expect(list.embeds[0]?.fields?.map((f) => f.name)).toEqual([RAICES, LIDERAR]);
    expect(list.embeds[0]?.fields?.[1]?.value).toContain('**Formato:** 5 sesiones, en orden');
    expect(list.embeds[0]?.fields?.[1]?.value).toMatch(/^Cinco sesiones sobre liderazgo colectivo/);

    // A Spanish title finds the course as well as its English one.
    expect(await alice.autocomplete('#general', 'course enroll', { course: 'liderar' }, 'course')).toEqual([{ name: LIDERAR, value: LEADING }]);

    const enrolled = message(await alice.run('#general', 'course enroll', { course: ROOT_CAUSES }));
    expect(enrolled.content).toBe(es('enroll.welcome', { course: RAICES }));
    expect(enrolled.embeds[0]?.author?.name).toBe(RAICES);
    expect(enrolled.embeds[0]?.title).toBe('Lección 1 de 3 · Prepara tu suelo');
    expect(enrolled.embeds[0]?.description).toMatch(/^El trabajo sobre causas raíz crece mejor/);
    expect(enrolled.embeds[0]?.fields?.map((f) => f.name)).toEqual([es('lesson.reflect'), es('lesson.progress')]);
    expect(enrolled.embeds[0]?.fields?.[1]?.value).toBe(`▱▱▱▱▱▱▱▱▱▱ 0/3\n${es('lesson.ready')}`);
    expect(enrolled.embeds[0]?.footer?.text).toBe('Alrededor de 15 minutos');
    expect(enrolled.buttons[0]?.label).toBe('Completar y reflexionar');
    expect(enrolled.buttons[1]?.label).toMatch(/^Practicar /);

    const form = modal(await alice.click(enrolled, 'Completar y reflexionar'));
    expect(form.title).toBe('Reflexiona: Prepara tu suelo');
    expect(form.texts).toEqual([`**${SUELO_PREGUNTA}**`]);
    const done = message(await alice.submit(form, { reflection: 'Necesitamos tiempo protegido.' }));
    expect(done.content).toBe([es('completed.next', { lesson: SUELO, next: DISCURSO }), '▰▰▰▱▱▱▱▱▱▱ 1/3', '', es('completed.share-question')].join('\n'));
    expect(done.buttons.map((b) => b.label)).toEqual(['Compartir con el canal del curso', 'Mantenerla privada', 'Abrir la siguiente lección']);

    // The post in the channel is for everyone there: the server's language, which here is Spanish too.
    const shared = await clickAndWait(scene, scene.alice, done, 'Compartir con el canal del curso');
    const [post] = scene.bed.harness.read('#general');
    expect(post?.content).toBe(es('shared.post', { member: `<@${scene.alice.id}>`, lesson: SUELO, course: RAICES, prompt: SUELO_PREGUNTA, body: 'Necesitamos tiempo protegido.' }));
    expect(shared.content).toMatch(/^Compartida en <#\d+>: \[ver tu publicación\]/);

    expect(await alice.autocomplete('#general', 'course lesson', { course: ROOT_CAUSES, lesson: '' }, 'lesson')).toEqual([
      { name: '1. Prepara tu suelo ✓', value: 'prepare-your-soil' },
      { name: '2. Cambia el discurso', value: 'change-the-discourse' },
      { name: '3. Pon en el centro la mirada de los estudiantes', value: 'center-student-perspectives' },
    ]);

    scene.clock.advance(2 * DAY_MS);
    const progress = message(await alice.run('#general', 'course progress'));
    expect(progress.embeds[0]?.title).toBe(es('progress.title'));
    expect(progress.embeds[0]?.fields?.[0]).toMatchObject({ name: RAICES, value: `▰▰▰▱▱▱▱▱▱▱ 1/3\n${es('progress.next', { unit: 'lesson', number: 2, total: 3, title: DISCURSO })}\n${es('card.streak', { weeks: 1 })}` });
    expect(progress.embeds[0]?.footer?.text).toBe(es('progress.footer'));
    // The card's description, for screen readers, is Spanish too ("33 %" with the space Spanish puts before %).
    expect(progress.attachments[0]?.description).toBe(
      'Tarjeta de progreso de De las causas raíz a la acción desde la base: 1 de 3 lecciones hechas (33 %). Siguiente: Lección 2 de 3 · Cambia el discurso. Racha: 1 semana. Última lección hecha hace 2 días.',
    );

    // Problems are explained in Spanish, naming the course as the member reads it.
    expect(message(await alice.run('#general', 'course enroll', { course: ROOT_CAUSES })).content).toBe(es('problem.already-enrolled', { course: RAICES }));
    expect(message(await alice.run('#general', 'course enroll', { course: 'nada' })).content).toBe(es('problem.unknown-course', { query: 'nada' }));
  });

  it('gives a Spanish moderator the report with Spanish CSV headers, and nudges in the server’s language', async () => {
    scene = await startCourseScene({ locales: { server: 'es-ES', members: 'es-ES' } });
    const as = (user: CourseScene['alice']) => scene.bed.harness.as(user);
    await as(scene.alice).run('#general', 'course enroll', { course: ROOT_CAUSES });
    await as(scene.ben).run('#general', 'course enroll', { course: ROOT_CAUSES });
    scene.clock.advance(20 * DAY_MS);

    const report = message(await as(scene.morgan).run('#general', 'course report', { course: ROOT_CAUSES }));
    expect(report.content).toBe(
      [
        es('report.summary', { course: RAICES, enrolled: 2, finished: 0, inProgress: 0, notStarted: 2 }),
        es('report.idle', { idle: 2, days: 14 }),
        es('report.one-row-per-member'),
      ].join('\n'),
    );
    expect(report.content).toMatch(/^\*\*De las causas raíz a la acción desde la base\*\*: 2 miembros inscritos\./);
    const [file] = report.attachments;
    expect(file?.filename).toBe('informe-curso-root-causes-to-grassroots-action-2026-12-21.csv');
    const csv = scene.bed.harness.world.files.get(file?.id ?? '')?.data.toString('utf8') ?? '';
    expect(csv.split('\n')[0]).toBe('miembro,id_miembro,inscrito_el,lecciones_hechas,lecciones_totales,ultima_actividad,terminado_el');
    expect(csv.split('\n')[1]).toBe(`alice,${scene.alice.id},2026-12-01T09:00:00.000Z,0,3,2026-12-01T09:00:00.000Z,`);

    const nudged = message(await as(scene.morgan).run('#general', 'course nudge', { days: 9 }));
    expect(nudged.content).toBe(es('nudge.sent', { sent: 2, days: 9 }));
    const dm = scene.bed.harness.read(scene.bed.harness.dmOf(scene.alice) ?? '', scene.alice);
    expect(dm.map((m) => m.content)).toEqual([
      [
        es('dm.hello', { server: 'Roots', count: 1 }),
        es('dm.course-next', { course: RAICES, done: 0, unit: 'lesson', total: 3, next: SUELO }),
        '',
        es('dm.closing', { server: 'Roots' }),
      ].join('\n'),
    ]);
  });

  it('answers a member whose language the bot lacks in the server’s chosen language, then in English once it has none; Portuguese falls back per message', async () => {
    // The server's Discord is English; its moderators chose Spanish for the bot.
    scene = await startCourseScene({ locales: { members: 'fr' } });
    await chooseServerLanguage(scene.bed.bot.db, scene.clock, scene.guild.id, 'es');
    const alice = scene.bed.harness.as(scene.alice);

    const list = message(await alice.run('#general', 'course list'));
    expect(list.embeds[0]?.title).toBe(es('list.title'));
    expect(list.embeds[0]?.fields?.map((f) => f.name)).toEqual([RAICES, LIDERAR]);
    const enrolled = message(await alice.run('#general', 'course enroll', { course: ROOT_CAUSES }));
    expect(enrolled.content).toBe(es('enroll.welcome', { course: RAICES }));
    expect(enrolled.embeds[0]?.title).toBe('Lección 1 de 3 · Prepara tu suelo');

    // Portuguese covers the member's journey but not the course files: each falls back on its own, to the server's Spanish.
    const bia = scene.bed.harness.as(scene.bed.harness.member(scene.guild, 'bia', { locale: 'pt-BR' }));
    const pt = message(await bia.run('#general', 'course enroll', { course: ROOT_CAUSES }));
    expect(pt.content).toBe(said(courseMessages, 'enroll.welcome', { course: RAICES }, 'pt-BR'));
    expect(pt.content).toMatch(/^Boas-vindas a \*\*De las causas raíz/);
    expect(pt.embeds[0]?.title).toBe('Lição 1 de 3 · Prepara tu suelo');
    expect(message(await bia.run('#general', 'course enroll', { course: ROOT_CAUSES })).content).toBe(es('problem.already-enrolled', { course: RAICES }));

    await chooseServerLanguage(scene.bed.bot.db, scene.clock, scene.guild.id, undefined);
    const english = message(await alice.run('#general', 'course lesson'));
    expect(english.embeds[0]?.title).toBe('Lesson 1 of 3 · Prepare Your Soil');
    expect(english.buttons[0]?.label).toBe(said(courseMessages, 'lesson.complete-button'));
  });
});
