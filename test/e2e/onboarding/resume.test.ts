import { afterEach, describe, expect, it } from 'vitest';
import { onboardingMessages } from '../../../src/onboarding/discord/messages.js';
import { said } from '../../support/i18n.js';
import { commitTo, introduce, joinAndWelcome, leaveRecorded, message, nextDm, startOnboardingScene, type OnboardingScene } from './support.js';

describe('picking the walk up again', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('keeps working after the bot restarts mid-walk', async () => {
    scene = await startOnboardingScene();
    const { h, guild, introductions, memberRoleId } = scene;
    const dave = h.user('dave');
    const walk = await commitTo(h, dave, await joinAndWelcome(scene, dave), 2);

    await scene.bed.restart();

    // The button on the message from before the restart carries everything it needs.
    const next = message(await h.as(dave).click(walk, 'I commit to this'));
    expect(next.embeds[0]?.title).toBe('Tenet 4 of 5 · Think and Rethink');
    await introduce(h, dave, await commitTo(h, dave, next, 2), introductions);
    expect(h.world.member(guild.id, dave.id).roles).toContain(memberRoleId);
  });

  it('welcomes back a member who left, where they stopped, and gives a finished member their role again', async () => {
    scene = await startOnboardingScene();
    const { h, guild, introductions, memberRoleId } = scene;
    const dave = h.user('dave');
    const walk = await commitTo(h, dave, await joinAndWelcome(scene, dave), 3);
    h.leave(guild, dave);
    await leaveRecorded(scene, dave.id);

    // Away, the walk waits.
    const away = message(await h.as(dave).click(walk, 'I commit to this'));
    expect(away.content).toContain("You're not in that server right now.");

    const back = nextDm(h, dave, (m) => m.id !== walk.id);
    h.join(guild, 'dave');
    const resumed = await back;
    expect(resumed.content).toBe("Welcome back to **Roots**, dave! 🌱 Let's pick up where you left off.");
    expect(resumed.embeds[0]?.title).toBe('Tenet 4 of 5 · Think and Rethink');

    await introduce(h, dave, await commitTo(h, dave, resumed, 2), introductions);
    h.leave(guild, dave);
    const roleBack = new Promise<void>((resolve) =>
      h.world.events.on('change', (event) => {
        if (event.type === 'memberUpdate' && event.member.userId === dave.id && event.member.roles.includes(memberRoleId)) resolve();
      }),
    );
    h.join(guild, 'dave');
    await roleBack;
  });

  it('forgets a member who asks, and their old buttons say so', async () => {
    scene = await startOnboardingScene();
    const { h, general } = scene;
    const dave = h.user('dave');
    const walk = await commitTo(h, dave, await joinAndWelcome(scene, dave), 2); // the walk and two commitments

    const prompt = message(await h.as(dave).run(general, 'privacy forget'));
    const done = message(await h.as(dave).click(prompt, 'Yes, forget me'));
    expect(done.content).toBe('Done. I deleted 3 records about you in this server.');
    const db = scene.bed.bot.db;
    for (const table of ['onboarding_walks', 'onboarding_commitments', 'onboarding_intros'] as const) {
      expect(await db.selectFrom(table).selectAll().where('user_id', '=', dave.id).execute()).toEqual([]);
    }
    const gone = message(await h.as(dave).click(walk, 'I commit to this'));
    expect(gone.content).toBe(said(onboardingMessages, 'problem.no-walk'));
  });
});
