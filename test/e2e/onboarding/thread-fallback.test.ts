import { ChannelType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { onboardingMessages } from '../../../src/onboarding/discord/messages.js';
import { said } from '../../support/i18n.js';
import { commitTo, introduce, joinAndWelcome, message, nextDm, startOnboardingScene, type OnboardingScene } from './support.js';

/** Welcome threads archive after a week without a message (their auto-archive duration). */
const WEEK = 7 * 24 * 60 * 60_000;

describe('when DMs are closed', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('opens a private thread in the welcome channel, and nobody else can walk it', async () => {
    scene = await startOnboardingScene();
    const { h, guild, welcome, introductions, morgan, erin, memberRoleId } = scene;
    const first = h.nextPost({ where: (m) => h.world.channels.get(m.channelId)?.parentId === welcome.id });
    const dave = h.join(guild, 'dave', { dmsOpen: false });
    const walk = await first;

    const thread = h.world.channel(walk.channelId);
    expect(thread.type).toBe(ChannelType.PrivateThread);
    expect(thread.name).toBe('Welcome, dave');
    expect(thread.thread?.members.has(dave.id)).toBe(true);
    expect(h.world.canView(thread.id, erin.id)).toBe(false);
    expect(walk.embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');
    expect(walk.pinged).toEqual({ users: [], roles: [], everyone: false });

    // A moderator can see the thread, but the walk is Dave's: refused kindly, and nothing moves.
    const refused = message(await h.as(morgan).click(walk, 'I commit to this'));
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe(said(onboardingMessages, 'problem.not-your-walk'));
    expect(h.read(thread.id, dave)[0]?.embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');

    const last = await commitTo(h, dave, walk, 5);
    const { post } = await introduce(h, dave, last, introductions);
    expect(post?.pinged.users).toEqual([]);
    expect(h.world.member(guild.id, dave.id).roles).toContain(memberRoleId);
    // The DM was tried first and refused: nothing landed there.
    const dm = h.dmOf(dave);
    expect(dm ? h.read(dm, dave) : []).toEqual([]);
  });

  it('opens an archived welcome thread again rather than starting a second one, before and after a restart', async () => {
    scene = await startOnboardingScene();
    const { h, guild, welcome, morgan, general } = scene;
    const first = h.nextPost({ where: (m) => h.world.channels.get(m.channelId)?.parentId === welcome.id });
    const dave = h.join(guild, 'dave', { dmsOpen: false });
    const walk = await commitTo(h, dave, await first, 1);
    const threadId = walk.channelId;
    const welcomeThreads = () => [...h.world.channels.values()].filter((c) => c.parentId === welcome.id).map((c) => c.id);

    // Discord archives a quiet thread after a week; a reminder opens it again and lands there.
    h.advance(WEEK);
    expect(h.world.channel(threadId).thread?.archived).toBe(true);
    const reminder = h.nextPost({ channelId: threadId, where: (m) => m.id !== walk.id });
    const reply = message(await h.as(morgan).run(general, 'onboarding remind', { member: 'dave' }));
    expect(reply.content).toBe(`<@${dave.id}>'s welcome walk is waiting in a private thread: <#${threadId}> 🌱`);
    const again = await reminder;
    expect(again.content).toContain('The moderators of **Roots** asked me to check in');
    expect(again.embeds[0]?.title).toBe('Tenet 2 of 5 · Be Kind');
    expect(h.world.channel(threadId).thread?.archived).toBe(false);

    // After a restart the archived thread isn't in the bot's cache: it is fetched, not replaced.
    h.advance(WEEK);
    expect(h.world.channel(threadId).thread?.archived).toBe(true);
    await scene.bed.restart();
    const afterRestart = h.nextPost({ channelId: threadId, where: (m) => m.id !== walk.id && m.id !== again.id });
    const second = message(await h.as(morgan).run(general, 'onboarding remind', { member: 'dave' }));
    expect(second.content).toBe(`<@${dave.id}>'s welcome walk is waiting in a private thread: <#${threadId}> 🌱`);
    expect((await afterRestart).embeds[0]?.title).toBe('Tenet 2 of 5 · Be Kind');
    expect(h.world.channel(threadId).thread?.members.has(dave.id)).toBe(true);
    expect(welcomeThreads()).toEqual([threadId]);
  });

  it('opens an archived welcome thread again when the member presses a walk button there, and the walk goes on', async () => {
    scene = await startOnboardingScene();
    const { h, guild, welcome } = scene;
    const first = h.nextPost({ where: (m) => h.world.channels.get(m.channelId)?.parentId === welcome.id });
    const dave = h.join(guild, 'dave', { dmsOpen: false });
    const walk = await commitTo(h, dave, await first, 1);

    // A quiet week: Discord archived the thread. Dave comes back and carries on where he was.
    h.advance(WEEK);
    expect(h.world.channel(walk.channelId).thread?.archived).toBe(true);
    const next = message(await h.as(dave).click(walk, 'I commit to this'));
    expect(next.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');
    expect(h.world.channel(walk.channelId).thread?.archived).toBe(false);
    expect(h.read(walk.channelId, dave)[0]?.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');
  });

  it('tells moderators when a member can be reached neither way', async () => {
    scene = await startOnboardingScene();
    const { h, guild, modLog, morgan, general } = scene;
    // Take away the welcome channel: no thread can be opened.
    await h.as(morgan).run(general, 'onboarding setup', { first: 'dm' });
    h.world.deleteChannel(scene.welcome.id);
    const note = h.nextPost({ channelId: modLog.id });
    const dave = h.join(guild, 'dave', { dmsOpen: false });
    expect((await note).content).toContain(`I couldn't start <@${dave.id}>'s welcome walk: their DMs are closed`);
    expect((await note).pinged.users).toEqual([]);

    const stats = message(await h.as(morgan).run(general, 'onboarding stats', { period: 'week' }));
    expect(stats.embeds[0]?.fields?.find((f) => f.name === 'Where they stopped')?.value).toBe("Couldn't be reached (DMs closed, no welcome thread): **1**");
  });

  it("answers a finished walk's old buttons kindly", async () => {
    scene = await startOnboardingScene();
    const { h, general, morgan, introductions } = scene;
    const dave = h.user('dave');
    const walk = await commitTo(h, dave, await joinAndWelcome(scene, dave), 2);
    // A moderator's reminder sends the current step again, as a new message.
    const reminder = nextDm(h, dave, (m) => m.id !== walk.id);
    const reply = message(await h.as(morgan).run(general, 'onboarding remind', { member: 'dave' }));
    expect(reply.content).toBe(`I've sent <@${dave.id}>'s welcome walk to their DMs. 🌱`);
    const again = await reminder;
    expect(again.content).toContain('The moderators of **Roots** asked me to check in');
    expect(again.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');

    await introduce(h, dave, await commitTo(h, dave, walk, 3), introductions);
    const late = message(await h.as(dave).click(again, 'I commit to this'));
    expect(late.ephemeral).toBe(true);
    expect(late.content).toBe(said(onboardingMessages, 'problem.walk-finished'));
  });
});
