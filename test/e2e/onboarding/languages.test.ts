import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { commitTo, introduce, message, modal, nextDm, onboardingSays as say, startOnboardingScene, type OnboardingScene } from './support.js';

describe('the welcome walk in the member’s language', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  for (const { locale, firstTenet, translatedFrom } of [
    { locale: 'es-ES', firstTenet: 'Comparte con generosidad', translatedFrom: 'Traducido de las palabras de la comunidad, escritas en inglés.' },
    { locale: 'pt-BR', firstTenet: 'Compartilhe com generosidade', translatedFrom: 'Traduzido das palavras da comunidade, escritas em inglês.' },
  ]) {
    it(`walks a member whose Discord is in ${locale} through the tenets, introduction and role, all in ${locale}`, async () => {
      scene = await startOnboardingScene({ preferredLocale: locale });
      const { h, guild, introductions, memberRoleId } = scene;
      const ana = h.user('ana', { globalName: 'Ana', locale });
      const welcomed = nextDm(h, ana);
      h.join(guild, 'ana', { locale });
      const welcome = await welcomed;
      // The bot starts the DM, so it writes in the server's language: here, the member's too.
      expect(welcome.content.startsWith(say('walk.welcome', { server: 'Roots', name: 'Ana', why: '', count: 5 }, locale).split('\n')[0] ?? '')).toBe(true);
      expect(welcome.embeds[0]?.title).toBe(say('walk.tenet.title', { number: 1, count: 5, name: firstTenet }, locale));
      // A translated tenet says it is one.
      expect(welcome.embeds[0]?.description).toContain(`-# ${translatedFrom}`);
      const commit = say('walk.tenet.commit', undefined, locale);
      expect(welcome.buttons.map((b) => b.label)).toEqual([commit, say('walk.tenet.reflect', undefined, locale)]);

      const walk = await commitTo(h, ana, welcome, 5, locale);
      expect(walk.embeds[0]?.title).toBe(say('walk.introduce.title', undefined, locale));

      const { form, summary: finished, post: intro } = await introduce(h, ana, walk, introductions, { name: 'Ana Lima', role: ['teacher'], 'school-region': '', reasons: ['new-ideas'], note: '' }, locale);
      expect(form.title).toBe(say('intro-form.title', undefined, locale));
      expect(form.selects.map((s) => s.label)).toEqual([say('intro-form.role', undefined, locale), say('intro-form.reasons', undefined, locale)]);
      expect(finished.embeds[0]?.title).toBe(say('finished.title', { name: 'Ana' }, locale));
      expect(finished.embeds[0]?.description).toContain(say('finished.intro-posted', { channel: `<#${introductions.id}>` }, locale));
      expect(h.world.member(guild.id, ana.id).roles).toContain(memberRoleId);
      // The introduction is public: the server's language.
      expect(intro?.content).toBe(say('intro.welcome', { user: `<@${ana.id}>`, server: 'Roots' }, locale));
      expect(intro?.embeds[0]?.fields?.[0]).toEqual({ name: say('intro.role', undefined, locale), value: say('role.teacher', undefined, locale), inline: true });

      // A moderator who reads the same language sees the funnel drawn and described in it.
      const sofia = h.member(guild, 'sofia', { roles: [h.role(guild, 'Moderators', PermissionFlagsBits.ManageGuild)], locale });
      const stats = message(await h.as(sofia).run(scene.general, 'onboarding stats', { period: 'month' }));
      const [funnel] = stats.attachments;
      expect(funnel?.filename).toBe('onboarding-funnel.png');
      const title = say('stats.title', { period: 'month' }, locale);
      const joined = say('stats.funnel.alt-first', { label: say('stats.stage.joined', undefined, locale), count: 1 }, locale);
      const introduced = say('stats.funnel.alt-step', { label: say('stats.stage.finished', undefined, locale), count: 1, lost: 0, share: 0 }, locale);
      // "Gráfico de embudo, Bienvenida · los últimos 30 días. Llegaron: 1; …; Presentados: terminaron: 1, sin bajas."
      const [opening = '', ending = ''] = say('stats.funnel.alt', { title, steps: '\u0000' }, locale).split('\u0000');
      const described = funnel?.description ?? '';
      expect(described.startsWith(`${opening}${joined}; `), described).toBe(true);
      expect(described.endsWith(`; ${introduced}${ending}`), described).toBe(true);
      expect(described.split('; ')).toHaveLength(8);
    });
  }

  it('answers a member whose language the bot lacks (fr) in the language the moderators chose, and posts in it', async () => {
    scene = await startOnboardingScene({ setup: { language: 'es' } });
    const { h, guild, general, introductions, morgan } = scene;
    const setup = message(await h.as(morgan).run(general, 'onboarding setup'));
    expect(setup.embeds[0]?.fields).toEqual(expect.arrayContaining([{ name: 'Language of public posts', value: 'Español', inline: true }]));

    const luc = h.user('luc', { globalName: 'Luc', locale: 'fr' });
    const welcomed = nextDm(h, luc);
    h.join(guild, 'luc', { locale: 'fr' });
    const welcome = await welcomed;
    expect(welcome.embeds[0]?.title).toBe(say('walk.tenet.title', { number: 1, count: 5, name: 'Comparte con generosidad' }, 'es-ES'));
    // French isn't offered: the member's clicks are answered in the server's language.
    const second = message(await h.as(luc).click(welcome, say('walk.tenet.commit', undefined, 'es-ES')));
    expect(second.embeds[0]?.title).toBe(say('walk.tenet.title', { number: 2, count: 5, name: 'Sé amable' }, 'es-ES'));
    const walk = await commitTo(h, luc, second, 4, 'es-ES');
    const post = h.nextPost({ channelId: introductions.id });
    const form = modal(await h.as(luc).click(walk, say('walk.introduce.button', undefined, 'es-ES')));
    await h.as(luc).submit(form, { name: 'Luc', role: ['coach'], 'school-region': '', reasons: ['innovate'], note: '' });
    expect((await post).content).toBe(say('intro.welcome', { user: `<@${luc.id}>`, server: 'Roots' }, 'es-ES'));

    // Back to the server's Discord language (English here): the next introduction is in English.
    const back = message(await h.as(morgan).run(general, 'onboarding setup', { language: 'discord' }));
    expect(back.embeds[0]?.fields).toEqual(expect.arrayContaining([{ name: 'Language of public posts', value: "The server's Discord language (en-US)", inline: true }]));
  });

  it('shows a tenet a moderator wrote as written, with no translation', async () => {
    scene = await startOnboardingScene({ preferredLocale: 'es-ES' });
    const { h, guild, general, morgan } = scene;
    const form = modal(await h.as(morgan).run(general, 'tenets edit'));
    const saved = message(
      await h.as(morgan).submit(form, {
        'tenet-1': 'Share Generously: Share your ideas widely and without reservation.',
        'tenet-2': 'Be Brave: Try the new thing first.',
        'tenet-3': '',
        'tenet-4': '',
        'tenet-5': '',
      }),
    );
    expect(saved.content).toContain(say('tenets.saved', { version: 2 }, 'en-US'));
    const bea = h.user('bea', { locale: 'es-ES' });
    const welcomed = nextDm(h, bea);
    h.join(guild, 'bea', { locale: 'es-ES' });
    const welcome = await welcomed;
    // The community's words, unchanged, keep their translation.
    expect(welcome.embeds[0]?.title).toBe(say('walk.tenet.title', { number: 1, count: 2, name: 'Comparte con generosidad' }, 'es-ES'));
    const second = message(await h.as(bea).click(welcome, say('walk.tenet.commit', undefined, 'es-ES')));
    expect(second.embeds[0]?.title).toBe(say('walk.tenet.title', { number: 2, count: 2, name: 'Be Brave' }, 'es-ES'));
    expect(second.embeds[0]?.description).toBe('> Try the new thing first.');
  });
});
