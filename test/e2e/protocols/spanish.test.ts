import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRecord, GuildRecord, Harness, MessageView, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import type { MessageValues } from '../../../src/i18n/catalogue.js';
import { protocolMessages, type ProtocolMessageKey } from '../../../src/protocols/discord/messages.js';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { said } from '../../support/i18n.js';
import { add, currentStep, description, embedText, expectNoPings, message, modal, next, privateNote, seen, startProtocol, threadArchived } from './steps.js';

/** What the protocols say to a reader of `locale`. */
const says = (key: ProtocolMessageKey, locale: string, values?: MessageValues) => said(protocolMessages, key, values, locale);

/**
 * A Spanish-speaking server runs a 5 Whys. The thread is public, so its steps, summary and notices
 * are in the server's language; whatever only one member sees (forms, refusals, confirmations, the
 * export) is in that member's own: English for Emma, whose Discord is in English, Portuguese for
 * Rafael, and the server's Spanish for Pierre, whose French the bot doesn't speak.
 */
describe('a 5 Whys in a Spanish-speaking server', () => {
  let bed: TestBed;
  let guild: GuildRecord;
  let general: ChannelRecord;
  let lucia: UserRecord;
  let mateo: UserRecord;
  let emma: UserRecord;
  let pierre: UserRecord;
  let rafael: UserRecord;
  const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'));
  const topic = 'El alumnado de noveno falta más los lunes';

  beforeAll(async () => {
    bed = await startTestBed(
      (h) => {
        guild = h.guild('Raíces', { owner: 'owner', preferredLocale: 'es-ES' });
        general = h.channel(guild, 'general');
        lucia = h.member(guild, 'lucia', { locale: 'es-ES' });
        mateo = h.member(guild, 'mateo', { locale: 'es-419' });
        emma = h.member(guild, 'emma', { locale: 'en-US' });
        pierre = h.member(guild, 'pierre', { locale: 'fr' });
        rafael = h.member(guild, 'rafael', { locale: 'pt-BR' });
      },
      { clock },
    );
  });
  afterAll(() => bed.close());

  /** Presses Add as `user`, checks the form is in `locale`, fills it, and waits for the step to show `text`. */
  async function addAs(h: Harness, user: UserRecord, thread: ChannelRecord, locale: string, text: string): Promise<MessageView> {
    const step = currentStep(h, thread);
    const form = modal(await h.as(user).click(step, says('step.button.add', 'es-ES')));
    expect(form.title).toBe(says('form.step-title', locale, { number: 1, title: locale.startsWith('es') ? 'Nombra el problema' : 'Name the problem' }));
    expect(form.fields.map((f) => f.label)).toEqual([locale.startsWith('es') ? 'Lo que vemos' : 'What we see']);
    const shown = h.nextPost({ channelId: thread.id, where: (m) => m.id === step.id && description(m).includes(text) });
    expect((await h.as(user).submit(form, { text })).kind).toBe('update');
    return shown;
  }

  it('posts in Spanish in the thread and answers each member privately in their own language', async () => {
    const h = bed.harness;

    // Lucía starts it: the channel is told in the server's Spanish.
    const reply = message(await h.as(lucia).run(general, 'protocol start', { protocol: 'five-whys', topic }));
    const thread = h.threadsOf(general).find((t) => reply.content.includes(`<#${t.id}>`));
    if (thread === undefined) throw new Error(`no thread was opened: ${reply.content}`);
    expect(reply.ephemeral).toBe(false);
    expect(reply.content).toBe(says('start.opened', 'es-ES', { facilitator: `<@${lucia.id}>`, protocol: '5 porqués', topic, thread: `<#${thread.id}>` }));
    const first = await seen(h, thread.id, (m) => m.buttons.length > 0);
    expect(first.embeds[0]?.title).toBe('Paso 1 de 8 · Nombra el problema');
    expect(description(first)).toContain('¿Qué está pasando, a qué estudiantes les pasa y cómo lo sabemos?');
    expect(description(first)).toContain(says('step.facilitated-by', 'es-ES', { facilitator: `<@${lucia.id}>` }));
    expect(first.buttons.map((b) => b.label)).toEqual(['Añadir', 'Atrás', 'Siguiente', 'Pausar', 'Terminar antes']);

    // Emma reads English: her form is in English, the step it redraws stays in Spanish.
    const evidence = 'Attendance Sept to Nov: 18% absent on Mondays';
    const afterEmma = await addAs(h, emma, thread, 'en-US', evidence);
    expect(description(afterEmma)).toContain(says('step.heading.answers', 'es-ES', { count: 1 }));
    // Mateo reads Latin American Spanish: the same Spanish catalogue.
    const seenByMateo = 'Los lunes a primera hora hay examen';
    const afterMateo = await addAs(h, mateo, thread, 'es-419', seenByMateo);
    expect(description(afterMateo)).toContain(says('step.heading.answers', 'es-ES', { count: 2 }));

    // Only the facilitator moves it on; each member hears so in their own language.
    const onlyFacilitator = (locale: string) => says('problem.not-facilitator', locale, { facilitator: `<@${lucia.id}>` });
    expect(privateNote(await h.as(emma).click(currentStep(h, thread), 'Siguiente'))).toBe(onlyFacilitator('en-US'));
    expect(privateNote(await h.as(mateo).click(currentStep(h, thread), 'Siguiente'))).toBe(onlyFacilitator('es-ES'));
    // French isn't one of the bot's languages: Pierre reads the server's Spanish.
    expect(privateNote(await h.as(pierre).click(currentStep(h, thread), 'Siguiente'))).toBe(onlyFacilitator('es-ES'));
    expect(privateNote(await h.as(rafael).click(currentStep(h, thread), 'Siguiente'))).toBe(onlyFacilitator('pt-BR'));
    expect(onlyFacilitator('pt-BR')).toContain('Só quem facilita');

    // Lucía moves on: the step left is closed in Spanish, the next one posted in Spanish.
    const posted = h.nextPost({ channelId: thread.id, where: (m) => m.id !== first.id && m.buttons.length > 0 });
    expect((await h.as(lucia).click(currentStep(h, thread), 'Siguiente')).kind).toBe('update');
    const second = await posted;
    expect(second.embeds[0]?.title).toBe('Paso 2 de 8 · ¿Por qué? (1 de 5)');
    const closed = h.read(thread).find((m) => m.id === first.id);
    expect(description(closed ?? first)).toContain(says('step.status.closed', 'es-ES'));
    expect(closed?.embeds[0]?.footer?.text).toBe('5 porqués · cerrado');

    // Finishing early asks Lucía first, in Spanish.
    const confirm = message(await h.as(lucia).click(second, 'Terminar antes'));
    expect(confirm.ephemeral).toBe(true);
    expect(confirm.content).toBe(says('finish.confirm', 'es-ES', { protocol: '5 porqués', step: 2, total: 8 }));
    const summaryPosted = h.nextPost({ channelId: thread.id, where: (m) => m.embeds[0]?.title === 'Resumen · 5 porqués' });
    const notice = h.nextPost({ channelId: general.id, where: (m) => m.embeds.length > 0 });
    const archived = threadArchived(bed, thread.id);
    const done = await h.as(lucia).click(confirm, 'Terminar ahora');
    expect(done.kind === 'update' && done.message?.content).toBe(says('finish.done', 'es-ES'));

    // The summary, in the thread and in the channel, is in Spanish.
    const summary = await summaryPosted;
    const text = embedText(summary);
    expect(text).toContain(`**Problema:** ${topic}`);
    expect(text).toContain(says('summary.took-part', 'es-ES', { count: 2 }));
    expect(text).toContain(says('summary.finished-early', 'es-ES', { step: 2, total: 8 }));
    expect(text).toContain(`**Causas raíz que elegimos**\n${says('summary.nothing-chosen', 'es-ES')}`);
    expect(text).toContain(`**Acciones**\n${says('summary.no-actions', 'es-ES')}`);
    expect(summary.embeds[0]?.footer?.text).toBe(says('summary.footer', 'es-ES'));
    // Its picture, the chain of whys, is described in Spanish too; no "why?" was answered yet.
    const unanswered = [1, 2, 3, 4, 5].map((n) => says('summary.why-chain.alt-why', 'es-ES', { label: `¿Por qué? (${n} de 5)`, answers: says('summary.why-chain.alt-no-answer', 'es-ES') }));
    expect(summary.attachments.map((a) => [a.filename, a.description])).toEqual([['why-chain.png', says('summary.why-chain.alt', 'es-ES', { problem: topic, whys: unanswered.join(' ') })]]);
    expect(summary.attachments[0]?.description).toBe(
      `Cadena de porqués. Problema: ${topic}. ¿Por qué? (1 de 5): sin respuesta. ¿Por qué? (2 de 5): sin respuesta. ¿Por qué? (3 de 5): sin respuesta. ¿Por qué? (4 de 5): sin respuesta. ¿Por qué? (5 de 5): sin respuesta.`,
    );
    const posted2 = await notice;
    expect(posted2.content).toContain(`✅ **5 porqués** sobre «${topic}» terminó.`);
    expect(posted2.embeds[0]?.title).toBe('Resumen · 5 porqués');
    await archived;
    expectNoPings(h);

    // The export is the asker's: English for Emma, Spanish for Mateo.
    const exportFor = async (user: UserRecord) => {
      const view = message(await h.as(user).run(thread, 'protocol export'));
      expect(view.ephemeral).toBe(true);
      return { view, markdown: h.world.files.get(view.attachments[0]?.id ?? '')?.data.toString('utf8') ?? '' };
    };
    const english = await exportFor(emma);
    expect(english.view.content).toBe(says('export.reply', 'en-US', { protocol: '5 Whys', topic }));
    expect(english.markdown).toContain(`# 5 Whys: ${topic}`);
    expect(english.markdown).toContain('- Facilitator: lucia');
    expect(english.markdown).toContain('- Finished: 2026-11-24 (early, at step 2 of 8)');
    expect(english.markdown).toContain(`### 1. Name the problem\n\n- ${evidence} (emma)\n- ${seenByMateo} (mateo)`);
    expect(english.markdown).toContain('### 3. Why? (2 of 5)\n\nNot reached.');
    const spanish = await exportFor(mateo);
    expect(spanish.view.content).toBe(says('export.reply', 'es-ES', { protocol: '5 porqués', topic }));
    expect(spanish.markdown).toContain(`# 5 porqués: ${topic}`);
    expect(spanish.markdown).toContain('- Facilitación: lucia');
    expect(spanish.markdown).toContain('- Terminó: 2026-11-24 (antes, en el paso 2 de 8)');
    expect(spanish.markdown).toContain('## Causas raíz que elegimos\n\nNo se eligió nada.');
    expect(spanish.markdown).toContain(`### 1. Nombra el problema\n\n- ${evidence} (emma)\n- ${seenByMateo} (mateo)`);
    expect(spanish.markdown).toContain('### 3. ¿Por qué? (2 de 5)\n\nNo se llegó a este paso.');
  });

  it('suggests protocols to a member in their own words, and lists the running ones in them', async () => {
    const h = bed.harness;
    const forEmma = await h.as(emma).autocomplete(general, 'protocol start', { protocol: '' }, 'protocol');
    const forLucia = await h.as(lucia).autocomplete(general, 'protocol start', { protocol: 'espina' }, 'protocol');
    expect(forEmma.map((c) => c.name)).toContain('5 Whys: Ask why, and why again, until you reach a cause your team can change.');
    expect(forLucia.map((c) => [c.name.split(':')[0], c.value])).toEqual([['Espina de pescado', 'fishbone']]);
    expect(privateNote(await h.as(mateo).run(general, 'protocol list'))).toBe(says('list.none', 'es-ES'));
    expect(privateNote(await h.as(emma).run(general, 'protocol list'))).toBe(says('list.none', 'en-US'));
  });

  it('draws the Fishbone in the summary with its words and its description in Spanish', async () => {
    const h = bed.harness;
    const problem = 'Faltan tareas en 8.º';
    const { thread } = await startProtocol(h, lucia, general, 'fishbone', problem);
    await next(h, lucia, thread, 'es-ES');
    // Emma's form is in English; the cause is filed under the category's stored name either way.
    await add(h, emma, thread, { text: 'Homework assumes quiet time at home', category: ['Practices'] }, 'quiet time', 'es-ES');
    await add(h, mateo, thread, { text: 'Los hermanos mayores trabajan los fines de semana', category: ['Community'] }, 'hermanos', 'es-ES');
    const summary = h.nextPost({ channelId: thread.id, where: (m) => m.embeds[0]?.title === 'Resumen · Espina de pescado' });
    const confirm = message(await h.as(lucia).click(currentStep(h, thread), 'Terminar antes'));
    await h.as(lucia).click(confirm, 'Terminar ahora');
    const [file] = (await summary).attachments;
    const bone = (category: string, causes: string) => says('summary.fishbone.alt-bone', 'es-ES', { category, causes });
    const none = says('summary.fishbone.alt-no-causes', 'es-ES');
    const bones = [
      bone('Normas', none),
      bone('Prácticas', 'Homework assumes quiet time at home'),
      bone('Personas', none),
      bone('Lugar', none),
      bone('Experiencia estudiantil', none),
      bone('Comunidad', 'Los hermanos mayores trabajan los fines de semana'),
    ];
    expect(file?.filename).toBe('fishbone.png');
    expect(file?.description).toBe(says('summary.fishbone.alt', 'es-ES', { effect: problem, bones: bones.join(' ') }));
    expect(file?.description).toMatch(/^Diagrama de espina de pescado\. Efecto: Faltan tareas en 8\.º\. Normas: sin causas\. Prácticas: Homework/);
  });
});
