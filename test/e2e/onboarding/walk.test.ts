import { afterEach, describe, expect, it } from 'vitest';
import { commitTo, introduce, joinAndWelcome, message, modal, nextDm, startOnboardingScene, type OnboardingScene } from './support.js';

describe('the welcome walk in DMs', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('walks a new member through the tenets, posts their introduction without pinging, and grants the member role', async () => {
    scene = await startOnboardingScene();
    const { h, guild, introductions, memberRoleId } = scene;
    const dave = h.user('dave', { globalName: 'Dave' });
    const welcome = await joinAndWelcome(scene, dave);
    expect(welcome.content).toContain('Welcome to **Roots**, Dave!');
    expect(welcome.embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');
    expect(welcome.embeds[0]?.description).toBe('> Share your ideas widely and without reservation.');
    expect(welcome.buttons.map((b) => b.label)).toEqual(['I commit to this', 'Add a reflection']);

    // One tenet a step: the same message moves on.
    const second = message(await h.as(dave).click(welcome, 'I commit to this'));
    expect(second.id).toBe(welcome.id);
    expect(second.embeds[0]?.title).toBe('Tenet 2 of 5 · Be Kind');

    // A reflection is optional, and commits too.
    const form = modal(await h.as(dave).click(second, 'Add a reflection'));
    expect(form.fields.map((f) => f.label)).toEqual(['What does this tenet mean to you?']);
    const third = message(await h.as(dave).submit(form, { reflection: 'Assume good intent, always.' }));
    expect(third.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');
    expect(third.embeds[0]?.description).toContain('This process isn’t easy.');

    const last = await commitTo(h, dave, third, 3);
    expect(last.embeds[0]?.title).toBe('Last step: say hello 👋');

    const { summary, post, form: intro } = await introduce(h, dave, last, introductions);
    expect(intro.selects.map((s) => s.label)).toEqual(['Your role', 'Why did you join?']);
    expect(intro.selects[1]?.options[0]?.label).toBe('You are ready to make innovations in learning a reality');

    // The introduction shows who it is but notifies nobody.
    expect(post?.content).toContain(`Please welcome <@${dave.id}> to Roots!`);
    expect(post?.pinged).toEqual({ users: [], roles: [], everyone: false });
    expect(post?.embeds[0]?.title).toBe('Dave Okafor');
    expect(post?.embeds[0]?.fields).toEqual(
      expect.arrayContaining([
        { name: 'Role', value: 'Coach', inline: true },
        { name: 'School or region', value: 'Leeds, UK', inline: true },
        { name: 'Here because', value: '• Looking for fellow innovators to grow with\n• Looking for new ideas about teaching, leading and learning' },
      ]),
    );

    expect(h.world.member(guild.id, dave.id).roles).toContain(memberRoleId);
    expect(summary.buttons).toEqual([]);
    expect(summary.embeds[0]?.description).toContain(`Your introduction is up in <#${introductions.id}>.`);
    expect(summary.embeds[0]?.description).toContain('You now have the **Member** role');

    const db = scene.bed.bot.db;
    const commitments = await db.selectFrom('onboarding_commitments').select(['tenet_name', 'reflection']).where('user_id', '=', dave.id).orderBy('committed_at').execute();
    expect(commitments.map((c) => c.tenet_name)).toEqual(['Share Generously', 'Be Kind', 'Hold Hope', 'Think and Rethink', 'Listen and Learn']);
    expect(commitments[1]?.reflection).toBe('Assume good intent, always.');

  });

  it('introduces a second member to the first, as a first connection', async () => {
    scene = await startOnboardingScene();
    const { h, guild, introductions } = scene;
    for (const [name, intro] of [
      ['dave', { name: 'Dave', role: ['coach'], 'school-region': '', reasons: ['innovate'], note: '' }],
      ['fatima', { name: 'Fatima', role: ['coach'], 'school-region': '', reasons: ['co-author'], note: '' }],
    ] as const) {
      const user = h.user(name);
      const first = nextDm(h, user);
      h.join(guild, name);
      const walk = await commitTo(h, user, await first, 5);
      const { post, summary } = await introduce(h, user, walk, introductions, intro);
      if (name === 'fatima') {
        const dave = h.user('dave');
        expect(post?.content).toContain(`Fatima, meet <@${dave.id}>, a fellow coach, who joined recently too.`);
        expect(post?.pinged.users).toEqual([]);
        expect(summary.embeds[0]?.description).toContain(`Someone to say hello to: <@${dave.id}>, a fellow coach who joined recently.`);
      }
    }
  });

  it('treats a double click as one: the walk moves one step, not two', async () => {
    scene = await startOnboardingScene();
    const { h } = scene;
    const dave = h.user('dave');
    const welcome = await joinAndWelcome(scene, dave);
    const [a, b] = await Promise.all([h.as(dave).click(welcome, 'I commit to this'), h.as(dave).click(welcome, 'I commit to this')]);
    expect([message(a).embeds[0]?.title, message(b).embeds[0]?.title]).toEqual(['Tenet 2 of 5 · Be Kind', 'Tenet 2 of 5 · Be Kind']);
    const walk = await scene.bed.bot.db.selectFrom('onboarding_walks').select(['step', 'tenet_index']).where('user_id', '=', dave.id).executeTakeFirstOrThrow();
    expect(walk).toEqual({ step: 'tenet', tenet_index: 1 });
  });
});
