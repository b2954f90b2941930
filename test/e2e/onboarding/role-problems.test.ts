import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { commitTo, introduce, message, nextDm, startOnboardingScene, type OnboardingScene } from './support.js';

describe('when the bot cannot grant the member role', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('says so when /onboarding setup runs', async () => {
    scene = await startOnboardingScene({ roleAboveBot: true });
    const { h, morgan, general, memberRoleId } = scene;
    const card = message(await h.as(morgan).run(general, 'onboarding setup')).embeds[0];
    expect(card?.title).toBe('Onboarding is on, with one thing to look at');
    expect(card?.fields?.find((f) => f.name === 'Member role')?.value).toBe(`<@&${memberRoleId}>`);
    const checks = card?.fields?.find((f) => f.name === 'Checks')?.value ?? '';
    expect(checks).toContain('⚠️ **Member** sits above my own role, and Discord only lets me give roles below mine. In Server Settings → Roles, drag **Roots Bot** above **Member**.');
    expect(checks).toContain(`✅ <#${scene.introductions.id}> is ready for introductions.`);
  });

  it('lets the member finish, and tells the moderators plainly', async () => {
    scene = await startOnboardingScene({ roleAboveBot: true });
    const { h, guild, introductions, modLog, memberRoleId } = scene;
    const dave = h.user('dave');
    const first = nextDm(h, dave);
    h.join(guild, 'dave');
    const note = h.nextPost({ channelId: modLog.id });
    const { summary, post } = await introduce(h, dave, await commitTo(h, dave, await first, 5), introductions);

    expect(post?.content).toContain(`<@${dave.id}>`);
    expect(summary.embeds[0]?.description).toContain("I couldn't open the rest of the server to you myself, so I've asked the moderators to");
    expect(h.world.member(guild.id, dave.id).roles).not.toContain(memberRoleId);
    const logged = await note;
    expect(logged.content).toContain(`I couldn't give <@${dave.id}> the **Member** role. **Member** sits above my own role`);
    expect(logged.content).toContain("They've finished their welcome walk");
    expect(logged.pinged).toEqual({ users: [], roles: [], everyone: false });
  });

  it('explains a missing Manage Roles permission', async () => {
    scene = await startOnboardingScene({ botPermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks });
    const { h, morgan, general } = scene;
    const checks = message(await h.as(morgan).run(general, 'onboarding setup')).embeds[0]?.fields?.find((f) => f.name === 'Checks')?.value ?? '';
    expect(checks).toContain("⚠️ I don't have the **Manage Roles** permission, so I can't give anyone **Member**.");
  });
});
