import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, type UserRecord } from '@roots-bot/discord-emulator';
import type { RunningBot } from '../../src/bot.js';
import { ManualClock } from '../../src/clock.js';
import { courseCommandLocalizations } from '../../src/courses/discord/command-localizations.js';
import { courseMessages } from '../../src/courses/discord/messages.js';
import { interactionMessages } from '../../src/interactions/messages.js';
import { createLogger } from '../../src/logger.js';
import { onboardingLocalizations } from '../../src/onboarding/discord/command-localizations.js';
import { onboardingMessages } from '../../src/onboarding/discord/messages.js';
import { protocolMessages } from '../../src/protocols/discord/messages.js';
import { buildDemoGuild, type DemoGuild } from '../../src/sandbox/demo-guild.js';
import { setUpDemoCommunity } from '../../src/sandbox/demo-setup.js';
import { startBotOnEmulator } from '../../src/sandbox/sandbox-bot.js';
import { memoryIo } from '../../src/sandbox/terminal/io.js';
import { Session } from '../../src/sandbox/terminal/session.js';
import { plainStyle } from '../../src/sandbox/terminal/style.js';
import { nextDm, onboardingSays } from '../e2e/onboarding/support.js';
import { englishOnly } from '../support/i18n.js';
import { courses, DISCURSO, FIRST_TENET, onboarding, protocols, RAICES, SPANISH, SUELO } from '../support/spanish.js';

const TOPIC = 'El alumnado de noveno falta más los lunes';

/**
 * What the terminal shows, as one line of words: the lines a long message was wrapped into joined
 * again, the frames drawn around embeds gone, and Markdown's `**` as the terminal drops them. A
 * catalogue's sentence is found in it however the terminal wrapped it.
 */
const asShown = (text: string): string =>
  text
    .replace(/\*\*/g, '')
    .replace(/[│┌┐└┘├┤─]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const screen = (lines: readonly string[]): string => asShown(lines.join('\n'));

/**
 * A teacher trying Roots Bot in Spanish in the sandbox terminal (`npm start`), typing what they
 * would type: Lucía joins the demo server with her Discord in Spanish (`join lucia --locale es`),
 * walks the welcome in her DMs (commits to the five tenets by clicking, fills in the introduction
 * form in the terminal), enrols in a course and completes a lesson (its reflection form too), and
 * adds what she sees to a 5 Whys the moderator started. Everything the terminal printed for her is
 * Spanish, and none of the English sentences of those features' catalogues reached her.
 *
 * The sandbox runs the real bot against the Discord emulator, as `npm start` does (the same
 * Session, the same startBotOnEmulator), and the emulator refuses every message, embed, button and
 * form past Discord's limits: a Spanish text that didn't fit would fail this journey there.
 *
 * The moderator first sets the server's language to Spanish (`/onboarding setup language:es`). A
 * teacher trying the sandbox in Spanish pictures a Spanish-speaking community, and on Discord the
 * welcome DM the bot starts on its own can only be in the server's language: Discord tells a bot a
 * member's language with their clicks, not when they join. The first test shows what happens
 * without that setting: the welcome in the server's English, and Spanish from the first click on.
 */
describe('the sandbox in Spanish', () => {
  let harness: Harness;
  let demo: DemoGuild;
  let bot: RunningBot;
  let session: Session;
  const answers: string[] = [];
  /** Form answers are read from `answers`, filled just before the line that opens the form. */
  const io = { ...memoryIo([]), answer: () => Promise.resolve(answers.shift() ?? null) };
  /** Everything the terminal printed while we were Lucía. */
  const forLucia: string[] = [];
  let lucia: UserRecord;

  beforeAll(async () => {
    harness = await Harness.start({ rateLimits: { disabled: true } });
    demo = buildDemoGuild(harness);
    const clock = new ManualClock();
    const dataDir = mkdtempSync(`${tmpdir()}/roots-sandbox-`);
    bot = await startBotOnEmulator(harness.emulator, { database: { kind: 'sqlite', path: `${dataDir}/sandbox.sqlite` }, logger: createLogger({ level: 'silent' }), clock });
    // What `npm start` sets up in the demo server: onboarding in DMs, #introductions, the Member role.
    await setUpDemoCommunity(bot.ctx, demo);
    session = new Session({ harness, guild: demo.guild, start: { person: demo.moderator, channel: demo.channels.general }, clock, io, style: plainStyle, settle: { idleMs: 50 }, filesDir: `${dataDir}/sandbox-files` });
  });
  afterAll(async () => {
    session.stop();
    await bot.stop();
    await harness.close();
  });

  /**
   * Types a line (giving `form` as the answers to a form it opens) and returns what the terminal
   * printed, including what the bot did in the background because of it: `after` are the posts to
   * wait for, which the terminal prints as they arrive.
   */
  async function type(line: string, { form = [], after = [] }: { form?: readonly string[]; after?: readonly Promise<unknown>[] } = {}): Promise<string> {
    answers.push(...form);
    const before = io.output.length;
    await session.handle(line);
    await Promise.all(after);
    expect(answers, `the form opened by "${line}" asked for fewer answers than given`).toEqual([]);
    const printed = io.output.slice(before);
    if (session.prompt.startsWith('lucia ')) forLucia.push(...printed);
    return screen(printed);
  }

  it('without a server language, the welcome the bot sends by itself is in English, and her first click turns it to Spanish', async () => {
    const nadia = harness.user('nadia');
    const welcomed = nextDm(harness, nadia);
    const joined = await type('join nadia --locale es', { after: [welcomed] });
    expect(joined).toContain('nadia joined Roots Community. You are now nadia, in #general. Their Discord is in es-ES. Roots Bot in DM with nadia');
    expect(joined).toContain(asShown(onboarding('walk.tenet.title', { number: 1, count: 5, name: 'Share Generously' }, 'en-US')));
    expect(joined).toContain(`[1 ${onboarding('walk.tenet.commit', undefined, 'en-US')}]`);
    const clicked = await type('click 1');
    expect(clicked).toContain(asShown(onboarding('walk.tenet.title', { number: 2, count: 5, name: 'Sé amable' })));
    expect(clicked).toContain(`[1 ${onboarding('walk.tenet.commit')}] [2 ${onboarding('walk.tenet.reflect')}]`);
    await type('leave nadia');
  });

  it('a moderator sets the server’s language to Spanish', async () => {
    expect(await type('/onboarding setup language:es')).toContain(`${onboardingSays('setup.language')}: Español`);
  });

  it('Lucía joins with her Discord in Spanish and walks the welcome in her DMs, by clicking and filling in a form', async () => {
    lucia = harness.user('lucia');
    const welcomed = nextDm(harness, lucia);
    const joined = await type('join lucia --locale es', { after: [welcomed] });
    expect(joined).toContain('lucia joined Roots Community. You are now lucia, in #general. Their Discord is in es-ES.');
    expect(lucia.locale).toBe(SPANISH);
    // The bot's own DM, in the server's language, Spanish now.
    const [greeting = ''] = onboarding('walk.welcome', { server: 'Roots Community', name: 'lucia', why: '', count: 5 }).split('\n');
    expect(joined).toContain(`Roots Bot in DM with lucia ${asShown(greeting)}`);
    expect(joined).toContain(asShown(onboarding('walk.tenet.title', { number: 1, count: 5, name: FIRST_TENET })));
    expect(joined).toContain(`[1 ${onboarding('walk.tenet.commit')}] [2 ${onboarding('walk.tenet.reflect')}]`);

    // Four commitments by the button's number, the fifth by its Spanish label, as a teacher might type it.
    for (let tenet = 2; tenet <= 5; tenet++) expect(await type('click 1')).toContain(asShown(onboarding('walk.tenet.title', { number: tenet, count: 5, name: '' })));
    const introduce = await type(`click "${onboarding('walk.tenet.commit')}"`);
    expect(introduce).toContain(asShown(onboarding('walk.introduce.title')));
    expect(introduce).toContain(asShown(onboarding('walk.introduce.in-channel', { channel: '#introductions', server: 'Roots Community' })));
    expect(introduce).toContain(`[1 ${onboarding('walk.introduce.button')}]`);

    const posted = harness.nextPost({ channelId: demo.channels.introductions.id });
    const [allSet = ''] = onboarding('finished.title', { name: '\u0000' }).split('\u0000');
    const finished = nextDm(harness, lucia, (m) => (m.embeds[0]?.title ?? '').startsWith(allSet));
    const form = await type('click 1', { form: ['Lucía Pérez', '1', 'Sevilla', '1,5', 'Enseño lengua en secundaria.'], after: [posted, finished] });
    // The form's words are the bot's, in Spanish; the terminal's own notes around them stay English.
    expect(form).toContain(`📝 ${onboarding('intro-form.title')} — a form with 5 fields`);
    for (const label of ['intro-form.name', 'intro-form.role', 'intro-form.school-region', 'intro-form.reasons', 'intro-form.note'] as const) expect(form).toContain(asShown(onboarding(label)));
    expect(form).toContain(`hint: "${onboarding('intro-form.school-region-placeholder')}"`);
    expect(form).not.toContain('e.g.');
    // Her introduction, posted publicly in the server's language, and her walk's end in her DMs.
    expect(form).toContain(`Roots Bot in #introductions ${asShown(onboarding('intro.welcome', { user: '@lucia', server: 'Roots Community' }))} Lucía Pérez Enseño lengua en secundaria.`);
    expect(form).toContain(asShown(onboarding('finished.title', { name: 'lucia' })));
    expect(form).toContain(asShown(onboarding('finished.intro-posted', { channel: '#introductions' })));
    expect(harness.world.member(demo.guild.id, lucia.id).roles).toContain(demo.roles.member);
  });

  it('she enrols in a course and completes a lesson, with its reflection form', async () => {
    const enrolled = await type('/course enroll course:root-causes-to-grassroots-action');
    expect(enrolled).toContain(asShown(courses('enroll.welcome', { course: RAICES })));
    expect(enrolled).toContain(asShown(courses('lesson.title', { unit: 'lesson', number: 1, total: 3, title: SUELO })));
    // The lesson's protocol is named in Spanish on its button (it once read "Practicar Prepare Your Soil").
    expect(enrolled).toContain(`[1 ${courses('lesson.complete-button')}] [2 ${courses('lesson.practise-button', { protocol: SUELO })}]`);

    const done = await type(`click "${courses('lesson.complete-button')}"`, { form: ['Nos falta tiempo protegido para hablar.'] });
    expect(done).toContain(`📝 ${courses('modal.title', { lesson: SUELO })} — a form with 1 field`);
    expect(done).toContain(`${courses('modal.label')} (required, up to 1000 characters, type \\n for a new line, hint: "${courses('modal.placeholder')}")`);
    expect(done).toContain(asShown(courses('modal.description', { limit: 1000 })));
    expect(done).toContain(asShown(courses('completed.next', { lesson: SUELO, next: DISCURSO })));
    expect(done).toContain(asShown(courses('completed.share-question')));
    expect(done).toContain(`[1 ${courses('completed.share-button')}] [2 ${courses('completed.keep-button')}] [3 ${courses('lesson.open-next', { unit: 'lesson' })}]`);
  });

  it('she joins a 5 Whys the moderator started and adds what she sees, through the Add form', async () => {
    await type('as morgan');
    const started = await type(`/protocol start protocol:five-whys topic:"${TOPIC}"`);
    // Its thread is public: the server's language.
    expect(started).toContain(asShown(protocols('start.opened', { facilitator: '@morgan', protocol: '5 porqués', topic: TOPIC, thread: `#${TOPIC}` })));

    await type('as lucia');
    const thread = await type(`show thread ${TOPIC}`);
    expect(thread).toContain('Paso 1 de 8 · Nombra el problema');
    expect(thread).toContain(`[1 ${protocols('step.button.add')}]`);

    const seen = 'Los lunes a primera hora hay examen de matemáticas';
    const added = await type(`click ${protocols('step.button.add')}`, { form: [seen] });
    expect(added).toContain(`📝 ${protocols('form.step-title', { number: 1, title: 'Nombra el problema' })} — a form with 1 field`);
    expect(added).toContain('Lo que vemos (required');
    expect(added).toContain(asShown(protocols('step.heading.answers', { count: 1 })));
    expect(added).toContain(seen);
  });

  it('describes the slash commands to her in Spanish, as her Discord would', async () => {
    const spanish = (words: typeof courseCommandLocalizations, key: string) => asShown(words.es?.[key] ?? `no Spanish for ${key}`);
    const help = await type('help');
    expect(help).toMatch(/\/course [^/]*Haz los cursos de la comunidad a tu ritmo/);
    expect(help).toContain(spanish(courseCommandLocalizations, 'description'));
    expect(help).not.toContain('Take the community’s courses at your own pace');
    const enroll = await type('help /course enroll');
    expect(enroll).toContain(`/course enroll course:text ${spanish(courseCommandLocalizations, 'enroll.description')} course: ${spanish(courseCommandLocalizations, 'enroll.course.description')}`);
    // A command's fixed choices are listed in her language; what she types stays the value.
    const choices = await type('/onboarding setup language:?');
    expect(choices).toContain(`${spanish(onboardingLocalizations, 'setup.language.choice.discord')} → language:`);
    expect(choices).toContain(`${spanish(onboardingLocalizations, 'setup.language.choice.es')} → language:es`);
  });

  it('never showed her a sentence of those features in English', () => {
    const shown = screen(forLucia);
    expect(shown.length).toBeGreaterThan(3000);
    const english = [...englishOnly(onboardingMessages), ...englishOnly(courseMessages), ...englishOnly(protocolMessages), ...englishOnly(interactionMessages)].map(asShown);
    // The check can fail: these English sentences exist to be found.
    expect(english).toEqual(expect.arrayContaining(['I commit to this', 'Share with the course channel']));
    expect(english.filter((sentence) => shown.includes(sentence))).toEqual([]);
  });
});
