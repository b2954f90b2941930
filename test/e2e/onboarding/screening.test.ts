import { afterEach, describe, expect, it } from 'vitest';
import { commitTo, introduce, nextDm, startOnboardingScene, walkRecorded, type OnboardingScene } from './support.js';

describe('rules screening for a member who comes back', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('gives a returning member who finished their walk the member role only once they accept the rules again', async () => {
    scene = await startOnboardingScene({ rulesScreening: true });
    const { h, guild, introductions, memberRoleId } = scene;
    const dave = h.user('dave');
    const first = nextDm(h, dave);
    h.join(guild, 'dave');
    await walkRecorded(scene, dave.id);
    h.passScreening(guild, dave);
    await introduce(h, dave, await commitTo(h, dave, await first, 5), introductions);
    expect(h.world.member(guild.id, dave.id).roles).toContain(memberRoleId);
    h.leave(guild, dave);

    // Every grant of the member role from here on, and whether dave was still screening then.
    const grants: boolean[] = [];
    const granted = new Promise<void>((resolve) =>
      h.world.events.on('change', (event) => {
        if (event.type === 'memberUpdate' && event.member.userId === dave.id && event.member.roles.includes(memberRoleId)) {
          grants.push(event.member.pending);
          resolve();
        }
      }),
    );
    h.join(guild, 'dave');
    await backInServer(scene, dave.id);
    // A grant on the join itself would come right behind it: give it the time it would take.
    await Promise.race([granted, new Promise((resolve) => setTimeout(resolve, 1000))]);
    expect(grants).toEqual([]);
    // On Discord a role given to a pending member lets them skip the rules: dave must still face them.
    expect(h.world.member(guild.id, dave.id)).toMatchObject({ pending: true, roles: [] });
    h.passScreening(guild, dave);
    await granted;
    expect(grants).toEqual([false]);
    expect(h.world.member(guild.id, dave.id).roles).toContain(memberRoleId);
  });
});

/** Waits until the bot has seen `userId` join again (their walk is no longer marked as left). */
async function backInServer(scene: OnboardingScene, userId: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await scene.bed.bot.db.selectFrom('onboarding_walks').select('left_at').where('user_id', '=', userId).executeTakeFirst();
    if (row && row.left_at === null) return;
    if (Date.now() > deadline) throw new Error(`${userId} was not seen back within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
