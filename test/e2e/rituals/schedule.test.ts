import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageOf, postsIn, ritualRows, runDespiteHiding, startRitualBed, type RitualBed } from './support.js';

// Monday 2 March 2026, 8:00 in London (GMT until 29 March).
const MONDAY_8AM = '2026-03-02T08:00:00Z';

describe('/ritual: a poem every Monday', () => {
  let rb: RitualBed;
  beforeEach(async () => {
    rb = await startRitualBed(MONDAY_8AM);
  });
  afterEach(() => rb.close());

  it('is created with its next three runs in local time, then posts on time with a discussion thread', async () => {
    const created = await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London', thread: true });
    expect(created.ephemeral).toBe(true);
    expect(created.content).toBe('All set! Ritual #1 will post a poem every Monday at 9:00 am (Europe/London).');
    const card = created.embeds[0]?.fields?.[0]?.value ?? '';
    expect(card).toContain('Mon 2 Mar, 9:00 am');
    expect(card).toContain('Mon 9 Mar, 9:00 am');
    expect(card).toContain('Mon 16 Mar, 9:00 am');

    await rb.at('2026-03-02T08:59:00Z');
    expect(postsIn(rb, rb.poems)).toEqual([]);

    const posted = rb.bed.harness.nextPost({ channelId: rb.poems.id });
    rb.clock.set(Date.parse('2026-03-02T09:00:00Z'));
    const post = await posted;
    await rb.settled();
    const [embed] = post.embeds;
    expect(embed?.footer?.text).toBe('Poetry ritual · ritual #1');
    expect(embed?.description).toMatch(/— \*\*.+\*\*, \d{4}$/);
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Source']);
    expect(post.pinged).toEqual({ users: [], roles: [], everyone: false });

    const [thread] = rb.bed.harness.threadsOf(rb.poems);
    expect(thread?.id).toBe(post.id);
    expect(thread?.name).toBe(`Poetry ritual: ${embed?.title ?? ''}`);
    const opening = rb.bed.harness.read(thread?.id ?? '');
    expect(opening).toHaveLength(1);
    expect(opening[0]?.content).toMatch(/^Let's talk! A few questions to start us off:\n\n1\. /);

    // A tick is idempotent: another one at the same minute posts nothing more.
    await rb.at('2026-03-02T09:00:30Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(1);
    expect(await ritualRows(rb)).toEqual([{ schedule_id: 1, occurrence_at: '2026-03-02T09:00:00.000Z', state: 'posted', attempts: 1 }]);
  });

  it('goes through the whole library before repeating a poem', async () => {
    await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * *', timezone: 'UTC' });
    const poems = messageOf(await rb.bed.harness.as(rb.morgan).run('#general', 'poem list'));
    const count = Number(/^(\d+) poems in rotation$/.exec(poems.embeds[0]?.title ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(10);
    // A day at a time, as a running bot would see it.
    for (let day = 0; day < count + 1; day += 1) await rb.at(new Date(Date.parse('2026-03-02T09:00:00Z') + day * 86_400_000).toISOString());
    const titles = postsIn(rb, rb.poems).map((p) => p.embeds[0]?.title);
    expect(titles).toHaveLength(count + 1);
    expect(new Set(titles.slice(0, count)).size).toBe(count);
  });

  it('refuses a bad schedule and an unknown time zone, kindly, and saves nothing', async () => {
    const badCron = await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 25 * * 1', timezone: 'Europe/London' });
    expect(badCron.content).toBe(
      "I couldn't read the schedule `0 25 * * 1`:\n• The hour part, `25`, isn't one I understand: it should be a number from 0 to 23 (the 24-hour clock).\nFor example, `0 9 * * 1` is every Monday at 9:00 and `30 16 * * 5` is every Friday at 4:30 pm.",
    );
    const badZone = await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'Mars/Olympus' });
    expect(badZone.content).toBe(
      "I don't know the time zone `Mars/Olympus`. Start typing a city like `America/New_York`, `Europe/London` or `Australia/Sydney`, and pick one from the list.",
    );
    const prompt = await rb.asModerator('ritual create', { kind: 'prompt', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC' });
    expect(prompt.content).toMatch(/^A prompt ritual posts your own words/);
    expect(await rb.bed.bot.db.selectFrom('ritual_schedules').selectAll().execute()).toEqual([]);
  });

  it('suggests time zones as the moderator types', async () => {
    const choices = await rb.bed.harness.as(rb.morgan).autocomplete('#general', 'ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'new_y' }, 'timezone');
    expect(choices[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
  });

  it('is for moderators only: hidden from members, and refused if it reaches the bot anyway', async () => {
    await expect(rb.bed.harness.as(rb.alice).run('#general', 'ritual list')).rejects.toThrow(/hidden from members/);
    const refused = await runDespiteHiding(rb, rb.alice, 'ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC' });
    expect(refused.content).toMatch(/^Only moderators \(members with \*\*Manage Server\*\*\) can do that\./);
    expect(await rb.bed.bot.db.selectFrom('ritual_schedules').selectAll().execute()).toEqual([]);
  });

  it('previews, skips the next run, runs now, pauses and resumes', async () => {
    await rb.asModerator('ritual create', { kind: 'prompt', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London', text: 'What surprised you this week?' });
    const preview = await rb.asModerator('ritual preview', { ritual: 1 });
    expect(preview.content).toContain("Here's the next post (Mon 2 Mar, 9:00 am");
    expect(preview.embeds[0]?.description).toBe('What surprised you this week?');

    const skipped = await rb.asModerator('ritual skip-next', { ritual: 1 });
    expect(skipped.content).toContain("Okay, I'll skip the post due Mon 2 Mar, 9:00 am");
    expect(skipped.content).toContain('The one after that is Mon 9 Mar, 9:00 am');
    await rb.at('2026-03-02T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toEqual([]);

    const now = await rb.asModerator('ritual run-now', { ritual: 1 });
    expect(now.content).toBe("Done! It's up in <#" + rb.poems.id + '>.');
    const again = await rb.asModerator('ritual run-now', { ritual: 1 });
    expect(again.content).toBe('Ritual #1 has already posted this minute, so I won\'t post it twice.');
    expect(postsIn(rb, rb.poems)).toHaveLength(1);

    await rb.asModerator('ritual pause', { ritual: 1 });
    await rb.at('2026-03-09T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(1);
    const resumed = await rb.asModerator('ritual resume', { ritual: 1 });
    expect(resumed.embeds[0]?.fields?.[0]?.value).toContain('Mon 16 Mar, 9:00 am');
    await rb.at('2026-03-16T09:00:00Z');
    expect(postsIn(rb, rb.poems)).toHaveLength(2);
  });

  it('deletes a ritual after the moderator confirms', async () => {
    await rb.asModerator('ritual create', { kind: 'poem', channel: '#poems', cron: '0 9 * * 1', timezone: 'UTC' });
    const ask = await rb.asModerator('ritual delete', { ritual: 1 });
    const done = await rb.bed.harness.as(rb.morgan).click(ask, 'Delete it');
    expect(done.kind === 'update' && done.message?.content).toBe(`Deleted ritual #1. Its past posts stay in <#${rb.poems.id}>.`);
    const list = await rb.asModerator('ritual list');
    expect(list.content).toMatch(/^No rituals here yet/);
  });
});
