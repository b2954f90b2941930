import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView, ModalView, UserRecord } from '@roots-bot/discord-emulator';
import { courseMessages } from '../../../src/courses/discord/messages.js';
import { createFeatures } from '../../../src/features/index.js';
import { onboardingMessages } from '../../../src/onboarding/discord/messages.js';
import { protocolMessages } from '../../../src/protocols/discord/messages.js';
import { englishOnly } from '../../support/i18n.js';
import { courses, DISCURSO, FIRST_TENET, onboarding, protocols, RAICES, SPANISH, SUELO } from '../../support/spanish.js';
import { commitTo, introduce, message, modal, nextDm, startOnboardingScene, type OnboardingScene } from '../onboarding/support.js';
import { add, description, startProtocol } from '../protocols/steps.js';


/** Everything a message or a form says: its text, embeds, buttons, options and fields. */
function wordsOf(view: MessageView | ModalView): string[] {
  if ('fields' in view && 'title' in view) return [view.title, ...view.fields.map((f) => f.label), ...view.texts, ...view.selects.map((s) => s.label)];
  return [
    view.content,
    ...view.embeds.flatMap((e) => [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
    ...view.buttons.map((b) => b.label),
    ...view.selects.flatMap((s) => s.options.map((o) => o.label)),
    ...view.attachments.map((a) => a.description),
  ].filter((words): words is string => words !== undefined && words !== null);
}

/**
 * One teacher's first week, all in Spanish: Lucía's Discord is in Spanish and so is the server's.
 * She joins and walks the welcome (the tenets, then the introduction form), enrols in a course and
 * completes a lesson, then joins a 5 Whys another member runs and adds what she sees. Every
 * message she receives is in Spanish; the emulator refuses anything past Discord's limits, so
 * longer Spanish words that didn't fit would fail here too.
 */
describe('a Spanish-speaking member’s journey', () => {
  let scene: OnboardingScene;
  let lucia: UserRecord;
  /** What the bot showed Lucía privately: her replies and forms (her DMs are read at the end). */
  const received: (MessageView | ModalView)[] = [];
  const got = <V extends MessageView | ModalView>(view: V): V => {
    received.push(view);
    return view;
  };

  beforeAll(async () => {
    scene = await startOnboardingScene({ preferredLocale: SPANISH, features: createFeatures });
    lucia = scene.h.user('lucia', { globalName: 'Lucía', locale: SPANISH });
  });
  afterAll(() => scene.bed.close());

  it('joins and walks the welcome in Spanish', async () => {
    const { h, guild, introductions, memberRoleId } = scene;
    const welcomed = nextDm(h, lucia);
    h.join(guild, 'lucia', { locale: SPANISH });
    const welcome = await welcomed;
    expect(welcome.embeds[0]?.title).toBe(onboarding('walk.tenet.title', { number: 1, count: 5, name: FIRST_TENET }));
    expect(welcome.buttons.map((b) => b.label)).toEqual([onboarding('walk.tenet.commit'), onboarding('walk.tenet.reflect')]);
    expect(onboarding('walk.tenet.commit')).not.toBe(onboarding('walk.tenet.commit', undefined, 'en-US'));

    const walk = await commitTo(h, lucia, welcome, 5, SPANISH);
    expect(walk.embeds[0]?.title).toBe(onboarding('walk.introduce.title'));
    const intro = { name: 'Lucía Pérez', role: ['teacher'], 'school-region': 'Sevilla', reasons: ['new-ideas'], note: '' };
    const { form, summary, post } = await introduce(h, lucia, walk, introductions, intro, SPANISH);
    got(form);
    expect(form.title).toBe(onboarding('intro-form.title'));
    expect(form.selects.map((s) => s.label)).toEqual([onboarding('intro-form.role'), onboarding('intro-form.reasons')]);
    expect(summary.embeds[0]?.title).toBe(onboarding('finished.title', { name: 'Lucía' }));
    expect(summary.embeds[0]?.description).toContain(onboarding('finished.intro-posted', { channel: `<#${introductions.id}>` }));
    expect(h.world.member(guild.id, lucia.id).roles).toContain(memberRoleId);
    // Her introduction is public: the server's language, Spanish here too.
    expect(post?.content).toBe(onboarding('intro.welcome', { user: `<@${lucia.id}>`, server: 'Roots' }));
  });

  it('enrols in a course and completes a lesson in Spanish', async () => {
    const as = scene.h.as(lucia);
    const enrolled = got(message(await as.run(scene.general, 'course enroll', { course: 'root-causes-to-grassroots-action' })));
    expect(enrolled.ephemeral).toBe(true);
    expect(enrolled.content).toBe(courses('enroll.welcome', { course: RAICES }));
    expect(enrolled.embeds[0]?.title).toBe(`Lección 1 de 3 · ${SUELO}`);
    // The lesson's protocol (Prepare Your Soil) is named in Spanish on its practise button too.
    expect(enrolled.buttons.map((b) => b.label)).toEqual([courses('lesson.complete-button'), courses('lesson.practise-button', { protocol: SUELO })]);

    const form = got(modal(await as.click(enrolled, courses('lesson.complete-button'))));
    expect(form.title).toBe(`Reflexiona: ${SUELO}`);
    const done = got(message(await as.submit(form, { reflection: 'Nos falta tiempo protegido para hablar.' })));
    expect(done.content.split('\n')[0]).toBe(courses('completed.next', { lesson: SUELO, next: DISCURSO }));
    expect(done.content).toContain(courses('completed.share-question'));
    expect(done.buttons.map((b) => b.label)).toEqual([courses('completed.share-button'), courses('completed.keep-button'), courses('lesson.open-next', { unit: 'lesson' })]);
  });

  it('joins a 5 Whys another member runs and adds what she sees, in Spanish', async () => {
    const { h, guild, general } = scene;
    const mateo = h.member(guild, 'mateo', { locale: 'es-419' });
    const topic = 'El alumnado de noveno falta más los lunes';
    const { thread, step } = await startProtocol(h, mateo, general, 'five-whys', topic);
    // The thread is public, in the server's language.
    expect(step.embeds[0]?.title).toBe('Paso 1 de 8 · Nombra el problema');
    expect(step.buttons.map((b) => b.label)).toContain(protocols('step.button.add'));

    const seenByLucia = 'Los lunes a primera hora hay examen de matemáticas';
    const after = await add(h, lucia, thread, { text: seenByLucia }, seenByLucia, SPANISH);
    expect(description(after)).toContain(protocols('step.heading.answers', { count: 1 }));
    // Her form was in Spanish: reopen it to read its title and label.
    const form = got(modal(await h.as(lucia).click(after, protocols('step.button.add'))));
    expect(form.title).toBe(protocols('form.step-title', { number: 1, title: 'Nombra el problema' }));
    expect(form.fields.map((f) => f.label)).toEqual(['Lo que vemos']);
    received.push(after);
  });

  it('never said anything to her in English', () => {
    const { h } = scene;
    const dm = h.dmOf(lucia);
    const everything = [...received, ...(dm === undefined ? [] : h.read(dm))].flatMap(wordsOf);
    expect(everything.length).toBeGreaterThan(20);
    const english = [...englishOnly(onboardingMessages), ...englishOnly(courseMessages), ...englishOnly(protocolMessages)];
    // The check can fail: English messages are there to find.
    expect(english).toEqual(expect.arrayContaining(['I commit to this', 'Share with the course channel']));
    expect(everything.flatMap((words) => english.filter((sentence) => words.includes(sentence)).map((sentence) => `"${sentence}" in: ${words}`))).toEqual([]);
  });
});
