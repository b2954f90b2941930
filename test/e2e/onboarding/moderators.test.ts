import { afterEach, describe, expect, it } from 'vitest';
import { expectLikeReference } from '../../support/pictures.js';
import { commitTo, DAY, introduce, joinAndWelcome, message, nextDm, startOnboardingScene, walkRecorded, type OnboardingScene } from './support.js';

describe('onboarding over time', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('waits for rules screening before starting the walk', async () => {
    scene = await startOnboardingScene({ rulesScreening: true });
    const { h, guild, general, morgan } = scene;
    const dave = h.join(guild, 'dave');
    await walkRecorded(scene, dave.id);
    const stats = message(await h.as(morgan).run(general, 'onboarding stats'));
    expect(stats.embeds[0]?.fields?.find((f) => f.name === 'Where they stopped')?.value).toBe('Waiting to accept the server rules: **1**');
    expect(h.dmOf(dave)).toBeUndefined();

    const first = nextDm(h, dave);
    h.passScreening(guild, dave);
    expect((await first).embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');
  });

  it('nudges a stalled member once, not again, and counts where everyone stopped', async () => {
    scene = await startOnboardingScene({ setup: { 'nudge-after-days': 2 } });
    const { h, guild, general, morgan, clock, introductions } = scene;
    const dave = h.user('dave');
    const ann = h.user('ann');
    const daves = nextDm(h, dave);
    const anns = nextDm(h, ann);
    h.join(guild, 'dave');
    h.join(guild, 'ann');
    await commitTo(h, dave, await daves, 2);
    await introduce(h, ann, await commitTo(h, ann, await anns, 5), introductions, { name: 'Ann', role: ['teacher'], 'school-region': '', reasons: ['innovate'], note: '' });

    clock.advance(DAY);
    const nudge = nextDm(h, dave, (m) => m.content.includes('gentle nudge'));
    clock.advance(DAY + 60_000);
    const nudged = await nudge;
    expect(nudged.content).toBe("Hi dave, just a gentle nudge 🌱 Your welcome walk for **Roots** is waiting right where you left it, whenever you're ready.");
    expect(nudged.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');

    // Once only: the walk is marked, and the ticker never picks a marked walk again (see the outreach unit tests).
    const row = await scene.bed.bot.db.selectFrom('onboarding_walks').select('nudged_at').where('user_id', '=', dave.id).executeTakeFirstOrThrow();
    expect(row.nudged_at).not.toBeNull();

    const reply = message(await h.as(morgan).run(general, 'onboarding stats', { period: 'month' }));
    const card = reply.embeds[0];
    expect(card?.title).toBe('Onboarding · the last 30 days');
    expect(card?.fields?.slice(0, 3).map((f) => `${f.name}: ${f.value}`)).toEqual(['Joined: 2', 'Finished: 1 (50%)', 'Still on their way: 1']);
    expect(card?.fields?.find((f) => f.name === 'Where they stopped')?.value).toBe('Tenet 3 · Hold Hope: **1**');

    // The funnel as a picture, described, with its numbers in the embed too.
    const steps = [
      'Joined: 2',
      'Tenet 1 · Share Generously: 2, no drop',
      'Tenet 2 · Be Kind: 2, no drop',
      'Tenet 3 · Hold Hope: 2, no drop',
      'Tenet 4 · Think and Rethink: 1, down 1 (50%)',
      'Tenet 5 · Listen and Learn: 1, no drop',
      'Writing their introduction: 1, no drop',
      'Introduced: finished: 1, no drop',
    ];
    expect(reply.attachments.map((a) => [a.filename, a.description])).toEqual([['onboarding-funnel.png', `Funnel chart, Onboarding · the last 30 days. ${steps.join('; ')}.`]]);
    expect(card?.image?.url).toBe('attachment://onboarding-funnel.png');
    expect(card?.fields?.find((f) => f.name === 'Reached each step')?.value.split('\n')[4]).toBe('Tenet 4 · Think and Rethink: **1** · −1 (50%)');
    expectLikeReference(h.world.files.get(reply.attachments[0]?.id ?? '')?.data, 'onboarding-funnel.png');
  });

  it('reminds everyone stalled for a day when a moderator asks, and only them', async () => {
    scene = await startOnboardingScene({ setup: { 'nudge-after-days': 0 } });
    const { h, general, morgan, clock, erin } = scene;
    const dave = h.user('dave');
    await joinAndWelcome(scene, dave);
    const early = message(await h.as(morgan).run(general, 'onboarding remind'));
    expect(early.content).toBe('Nobody has been stalled for a day or more (or they were reminded in the last day). 🌱');

    clock.advance(DAY + 1);
    const reminder = nextDm(h, dave, (m) => m.content.includes('asked me to check in'));
    const sent = message(await h.as(morgan).run(general, 'onboarding remind'));
    expect(sent.content).toBe("I've sent 1 gentle reminder.");
    await reminder;

    // A member who joined before onboarding was switched on gets their walk started.
    const hers = nextDm(h, erin);
    const started = message(await h.as(morgan).run(general, 'onboarding remind', { member: 'erin' }));
    expect(started.content).toBe(`I've sent <@${erin.id}>'s welcome walk to their DMs. 🌱`);
    expect((await hers).content).toContain('Welcome to **Roots**, erin!');
  });

  it('lets anyone walk again with /onboarding start', async () => {
    scene = await startOnboardingScene();
    const { h, erin, general } = scene;
    const walk = nextDm(h, erin);
    const reply = message(await h.as(erin).run(general, 'onboarding start'));
    expect(reply.content).toBe("I've sent your welcome walk to your DMs. 🌱");
    const shown = await walk;
    expect(shown.content).toBe("Here's your walk through **Roots**'s tenets, from the beginning. 🌱");
  });
});
