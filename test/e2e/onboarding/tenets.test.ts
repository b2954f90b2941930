import { afterEach, describe, expect, it } from 'vitest';
import { routerSays } from '../../support/i18n.js';
import { commitTo, introduce, joinAndWelcome, message, modal, nextDm, startOnboardingScene, type OnboardingScene } from './support.js';

const SEED_TENETS = [
  'Share Generously: Share your ideas widely and without reservation.',
  'Be Kind: Kindness brings out the best in all of us. A community built on kindness is a community that will last.',
  'Hold Hope: This process isn’t easy. Seriously, education is one of the hardest systems to implement positive change in. We are all in this together. Stay hopeful.',
  'Think and Rethink: Many of us have been doing this a long time, and may have arrived at the “right” answer. In this group we ask you to hold your thoughts and opinions lightly as we seek to change together and find the best ways forward.',
  'Listen and Learn: Everyone in this community has many things to teach and share and many things to hear and learn. Active, empathetic listening is a requirement of the Roots community.',
];

describe('/tenets', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('shows the tenets to anyone, and refuses to let a member change them', async () => {
    scene = await startOnboardingScene();
    const { h, erin, general } = scene;
    const card = message(await h.as(erin).run(general, 'tenets show'));
    expect(card.ephemeral).toBe(true);
    expect(card.embeds[0]?.title).toBe('Our tenets · Roots');
    expect(card.embeds[0]?.description).toContain('**Hold Hope**\nThis process isn’t easy.');
    expect(card.embeds[0]?.fields?.[0]?.value).toContain('**Open minds**');

    for (const sub of ['tenets edit', 'tenets reset']) {
      const refused = message(await h.as(erin).run(general, sub));
      expect(refused.content).toBe(routerSays('not-a-moderator'));
    }
  });

  it("lets a moderator change them, and asks earlier members to re-commit to what changed", async () => {
    scene = await startOnboardingScene();
    const { h, guild, general, morgan, introductions, clock } = scene;
    const dave = h.user('dave');
    await introduce(h, dave, await commitTo(h, dave, await joinAndWelcome(scene, dave), 5), introductions);

    const form = modal(await h.as(morgan).run(general, 'tenets edit'));
    expect(form.fields.map((f) => f.value)).toEqual(SEED_TENETS);
    const edited = [...SEED_TENETS];
    edited[1] = 'Be Kind: Kindness brings out the best in all of us.';
    const saved = message(await h.as(morgan).submit(form, { 'tenet-1': edited[0] ?? '', 'tenet-2': edited[1], 'tenet-3': edited[2] ?? '', 'tenet-4': edited[3] ?? '', 'tenet-5': '' }));
    expect(saved.content).toContain('Saved: the tenets are now at version 2. New or reworded: **Be Kind**. Removed: **Listen and Learn**.');
    expect(saved.content).toContain('1 member has committed to an earlier version.');

    const asked = message(await h.as(morgan).click(saved, 'Ask them to re-commit'));
    expect(asked.content).toContain("I'll ask 1 member to re-commit to what changed");

    // Prompts go out from the ticker, a few at a time.
    const prompt = nextDm(h, dave, (m) => m.content.includes('updated the community'));
    clock.advance(60_000);
    const shown = await prompt;
    expect(shown.embeds[0]?.fields).toEqual([{ name: 'Be Kind', value: '> Kindness brings out the best in all of us.' }]);
    expect(shown.embeds[0]?.footer?.text).toBe('No longer among the tenets: Listen and Learn');
    const thanks = message(await h.as(dave).click(shown, 'I commit to these'));
    expect(thanks.content).toBe("Thank you! You've committed to **Be Kind**. 🌱");

    const db = scene.bed.bot.db;
    const v2 = await db.selectFrom('onboarding_commitments').select('tenet_name').where('user_id', '=', dave.id).where('tenet_version', '=', 2).execute();
    expect(v2).toEqual([{ tenet_name: 'Be Kind' }]);

    // Newcomers walk the new version.
    const fatima = h.user('fatima');
    const hers = nextDm(h, fatima);
    h.join(guild, 'fatima');
    expect((await hers).embeds[0]?.title).toBe('Tenet 1 of 4 · Share Generously');
  });

  it("refuses tenets that don't fit, and saves nothing", async () => {
    scene = await startOnboardingScene();
    const { h, general, morgan } = scene;
    const form = modal(await h.as(morgan).run(general, 'tenets edit'));
    const refused = message(await h.as(morgan).submit(form, { 'tenet-1': 'Share Generously', 'tenet-2': 'Be Kind: x', 'tenet-3': 'be kind: twice', 'tenet-4': '', 'tenet-5': '' }));
    expect(refused.content).toContain('Tenet 1 needs its name, a colon, then its words');
    const again = modal(await h.as(morgan).run(general, 'tenets edit'));
    const dup = message(await h.as(morgan).submit(again, { 'tenet-1': 'Be Kind: x', 'tenet-2': '', 'tenet-3': 'be kind: twice', 'tenet-4': '', 'tenet-5': '' }));
    expect(dup.content).toBe(`I haven't saved the tenets yet: Tenet 3's name "be kind" is already the name of another tenet.`);
    const reset = message(await h.as(morgan).run(general, 'tenets reset'));
    expect(reset.content).toBe('Nothing changed: these are already the tenets (version 1).');
  });
});
