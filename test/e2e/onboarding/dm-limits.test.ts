import { afterEach, describe, expect, it } from 'vitest';
import type { RequestMatcher } from '@roots-bot/discord-emulator';
import { nextDm, startOnboardingScene, type OnboardingScene } from './support.js';

const openingDms: RequestMatcher = (request) => request.method === 'POST' && request.route === '/users/@me/channels';
const refusal = (code: number, message: string) => ({ status: 403, body: { code, message } });

describe("when Discord refuses a DM for a reason that isn't closed DMs", () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('waits for the next tick when the bot opens DMs too fast (40003), rather than writing the member off', async () => {
    // Discord lets a bot open only so many new DM channels at a time: one every two minutes here.
    scene = await startOnboardingScene({ emulator: { dmOpenings: { limit: 1, windowMs: 2 * 60_000 } } });
    const { h, guild, welcome, clock } = scene;
    const amy = h.user('amy');
    const welcomed = nextDm(h, amy);
    h.join(guild, 'amy');
    await welcomed;
    const dave = h.user('dave');
    const dm = nextDm(h, dave);
    h.join(guild, 'dave');
    await until(() => h.emulator.requests.some((r) => r.method === 'POST' && r.route === '/users/@me/channels' && r.status === 403));
    // Tried once, not sent anywhere else, and not given up on.
    await until(async () => (await reach(scene, dave.id)) === 'pending');
    expect([...h.world.channels.values()].filter((c) => c.parentId === welcome.id)).toEqual([]);

    clock.advance(3 * 60_000);
    expect((await dm).embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');
    await until(async () => (await reach(scene, dave.id)) === 'delivered');
  });

  it('takes "no mutual guilds" (50278) as closed DMs, and opens a welcome thread instead', async () => {
    scene = await startOnboardingScene();
    const { h, guild, welcome } = scene;
    // Someone who just joined shares the server with the bot, so the emulator itself never answers
    // 50278 here; a canned answer stands in for Discord's (a member gone again in between, say).
    h.emulator.faults.fail(openingDms, refusal(50278, 'Cannot send messages to this user due to having no mutual guilds'));
    const thread = h.nextPost({ where: (m) => h.world.channels.get(m.channelId)?.parentId === welcome.id });
    h.join(guild, 'dave');
    expect((await thread).embeds[0]?.title).toBe('Tenet 1 of 5 · Share Generously');
  });
});

async function reach(scene: OnboardingScene, userId: string): Promise<string | undefined> {
  const row = await scene.bed.bot.db.selectFrom('onboarding_walks').select(['reach', 'delivery_claimed_at']).where('user_id', '=', userId).executeTakeFirst();
  return row?.reach === 'pending' && row.delivery_claimed_at !== null ? 'claimed' : row?.reach;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
