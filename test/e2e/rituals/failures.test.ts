import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelRecord, RequestMatcher } from '@roots-bot/discord-emulator';
import { expectOnePostAt, postsIn, ritualRows, startRitualBed, type RitualBed } from './support.js';

const MONDAY_8AM = '2026-03-02T08:00:00Z';
const postsTo =
  (channel: ChannelRecord): RequestMatcher =>
  (r) =>
    r.method === 'POST' && r.route === '/channels/:channel_id/messages' && r.params.channel_id === channel.id;

async function weeklyPoem(rb: RitualBed): Promise<void> {
  await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London' });
}

describe('when posting goes wrong', () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  describe('a broken channel', () => {
    it('deleted: the ritual pauses itself, moderators are told once, and nothing loops', async () => {
      rb = await startRitualBed(MONDAY_8AM);
      await rb.useLogChannel();
      await weeklyPoem(rb);
      rb.bed.harness.world.deleteChannel(rb.poems.id);
      await rb.at('2026-03-02T09:00:00Z');

      const notices = postsIn(rb, rb.modLog);
      expect(notices).toHaveLength(1);
      expect(notices[0]?.content).toContain(`I've paused the poem ritual #1 in <#${rb.poems.id}>: its channel no longer exists`);
      expect(notices[0]?.content).toContain('`/ritual resume ritual:1`');
      expect(await ritualRows(rb)).toEqual([{ schedule_id: 1, occurrence_at: '2026-03-02T09:00:00.000Z', state: 'failed', attempts: 1 }]);

      const before = rb.bed.harness.emulator.requests.length;
      await rb.at('2026-03-09T09:00:00Z');
      await rb.at('2026-03-16T09:00:00Z');
      expect(rb.bed.harness.emulator.requests.length).toBe(before);
      expect(postsIn(rb, rb.modLog)).toHaveLength(1);
      const list = await rb.asModerator('ritual list');
      expect(list.embeds[0]?.fields?.[0]?.value).toContain('⏸️ paused: its channel no longer exists.');
    });

    it('permission lost: pauses, tells moderators, and picks up again once fixed and resumed', async () => {
      rb = await startRitualBed(MONDAY_8AM);
      await rb.useLogChannel();
      await weeklyPoem(rb);
      const botRole = rb.guild.members.get(rb.bed.harness.emulator.bot.id)?.roles[0] ?? '';
      const deny = [{ id: botRole, type: OverwriteType.Role, allow: '0', deny: String(PermissionFlagsBits.SendMessages) }];
      rb.bed.harness.world.updateChannel(rb.poems.id, { overwrites: deny });
      await rb.at('2026-03-02T09:00:00Z');
      expect(postsIn(rb, rb.poems)).toEqual([]);
      expect(postsIn(rb, rb.modLog).map((m) => m.content)).toEqual([expect.stringContaining("I'm missing a permission in its channel")]);

      rb.bed.harness.world.updateChannel(rb.poems.id, { overwrites: [] });
      await rb.asModerator('ritual resume', { ritual: 1 });
      const retried = await rb.asModerator('ritual retry', { ritual: 1 });
      expect(retried.content).toBe(`Done! It's up in <#${rb.poems.id}>.`);
      expectOnePostAt(rb, rb.poems, '2026-03-02T09:00:00Z');
      await rb.at('2026-03-09T09:00:00Z');
      expect(postsIn(rb, rb.poems)).toHaveLength(2);
    });
  });

  describe('transient failures', () => {
    it('Discord errors: retried after 1 and 5 minutes, then failed with one notice, then /ritual retry posts it', async () => {
      rb = await startRitualBed(MONDAY_8AM);
      await rb.useLogChannel();
      await weeklyPoem(rb);
      const outage = rb.bed.harness.emulator.faults.fail(postsTo(rb.poems), { status: 503, body: { message: 'Service Unavailable', code: 0 } });

      await rb.at('2026-03-02T09:00:00Z');
      expect((await ritualRows(rb))[0]).toMatchObject({ state: 'claimed', attempts: 1 });
      await rb.at('2026-03-02T09:00:59Z'); // not yet: the back-off is a minute
      expect((await ritualRows(rb))[0]).toMatchObject({ attempts: 1 });
      await rb.at('2026-03-02T09:01:00Z');
      expect((await ritualRows(rb))[0]).toMatchObject({ state: 'claimed', attempts: 2 });
      await rb.at('2026-03-02T09:06:00Z');
      expect((await ritualRows(rb))[0]).toMatchObject({ state: 'failed', attempts: 3 });
      // The REST client retries a 5xx once (issue 15: an outage costs a few requests per post,
      // not a burst): two requests per attempt, three attempts.
      expect(outage.count).toBe(6);

      const notices = postsIn(rb, rb.modLog);
      expect(notices).toHaveLength(1);
      expect(notices[0]?.content).toContain("I couldn't post the poem ritual #1");
      expect(notices[0]?.content).toContain('I tried 3 times; the last problem was: Discord answered 503.');
      await rb.at('2026-03-02T10:00:00Z');
      expect(postsIn(rb, rb.modLog)).toHaveLength(1);
      expect((await rb.asModerator('ritual list')).embeds[0]?.fields?.[0]?.value).toContain("⚠️ Couldn't post Mon 2 Mar, 9:00 am. `/ritual retry ritual:1` tries again.");

      outage.dispose();
      const retried = await rb.asModerator('ritual retry', { ritual: 1 });
      expect(retried.content).toBe(`Done! It's up in <#${rb.poems.id}>.`);
      expectOnePostAt(rb, rb.poems, '2026-03-02T09:00:00Z');
    });

    it('a short 429 storm is waited out: one post, no duplicates', async () => {
      rb = await startRitualBed(MONDAY_8AM);
      await weeklyPoem(rb);
      const storm = rb.bed.harness.emulator.faults.fail(postsTo(rb.poems), tooManyRequests, 2);
      await rb.at('2026-03-02T09:00:00Z');
      expect(storm.count).toBe(2);
      expectOnePostAt(rb, rb.poems, '2026-03-02T09:00:00Z');
      expect((await ritualRows(rb))[0]).toMatchObject({ state: 'posted', attempts: 1 });
    });

    it('an endless 429 storm ends each attempt at its time limit and backs off like any other failure', async () => {
      rb = await startRitualBed(MONDAY_8AM, { runtime: { attemptTimeoutMs: 300 } });
      await weeklyPoem(rb);
      const storm = rb.bed.harness.emulator.faults.fail(postsTo(rb.poems), tooManyRequests);
      await rb.at('2026-03-02T09:00:00Z');
      expect((await ritualRows(rb))[0]).toMatchObject({ state: 'claimed', attempts: 1 });
      storm.dispose();
      await rb.at('2026-03-02T09:01:00Z');
      expectOnePostAt(rb, rb.poems, '2026-03-02T09:00:00Z');
    });
  });
});

/** Discord's answer to a request over a route's limit (Rate Limits → Exceeded Rate Limit Response). */
const tooManyRequests = {
  status: 429,
  body: { message: 'You are being rate limited.', retry_after: 1, global: false },
  headers: {
    'Retry-After': '1',
    'X-RateLimit-Limit': '5',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset-After': '1.000',
    'X-RateLimit-Bucket': 'storm',
    'X-RateLimit-Scope': 'user',
  },
};
