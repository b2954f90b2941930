import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageOf, postsIn, startRitualBed, type RitualBed } from './support.js';

const MONDAY_8AM = '2026-03-02T08:00:00Z';

describe('ritual libraries', () => {
  let rb: RitualBed;
  beforeEach(async () => {
    rb = await startRitualBed(MONDAY_8AM);
  });
  afterEach(() => rb.close());

  it('lets moderators add a poem through a form, list it and take it out of rotation', async () => {
    const form = await rb.bed.harness.as(rb.morgan).run('#general', 'poem add');
    if (form.kind !== 'modal') throw new Error('expected a form');
    expect(form.modal.fields.map((f) => f.label)).toEqual(['Title', 'Poet', 'Year first published', 'Where it was first published', 'The poem']);

    const bad = messageOf(await rb.bed.harness.as(rb.morgan).submit(form.modal, { title: 'Dreams', author: 'A. Poet', year: 'soon', text: 'Hold fast' }));
    expect(bad.content).toBe('That one needs a small fix before I can add it:\n• The year should be written like 1891');

    const again = await rb.bed.harness.as(rb.morgan).run('#general', 'poem add');
    if (again.kind !== 'modal') throw new Error('expected a form');
    const added = messageOf(
      await rb.bed.harness.as(rb.morgan).submit(again.modal, { title: 'Fog', author: 'Carl Sandburg', year: '1916', source: 'Chicago Poems (1916)', text: 'The fog comes\non little cat feet.' }),
    );
    const id = Number(/#(\d+)/.exec(added.content)?.[1]);
    expect(added.content).toBe(`Added #${id} “Fog” by Carl Sandburg (1916) to this server's library. It joins the rotation.`);

    const suggestions = await rb.bed.harness.as(rb.morgan).autocomplete('#general', 'poem remove', { poem: 'fog' }, 'poem');
    expect(suggestions).toEqual([{ name: `#${id} “Fog” by Carl Sandburg (1916)`, value: id }]);
    const removed = messageOf(await rb.bed.harness.as(rb.morgan).run('#general', 'poem remove', { poem: id }));
    expect(removed.content).toBe(`Removed #${id} “Fog” by Carl Sandburg (1916). It won't be posted again; past posts stay.`);
    const list = messageOf(await rb.bed.harness.as(rb.morgan).run('#general', 'poem list'));
    expect(list.embeds[0]?.description).not.toContain('Fog');
    expect(list.embeds[0]?.description).toContain('“Hope” by Emily Dickinson (1891)');
  });

  it('checks a podcast episode’s link and questions', async () => {
    const form = await rb.bed.harness.as(rb.morgan).run('#general', 'podcast add');
    if (form.kind !== 'modal') throw new Error('expected a form');
    // Discord marks the required fields itself, and the sandbox says which are optional: no label says it again.
    expect(form.modal.fields.map((f) => [f.label, f.required])).toEqual([
      ['Episode title', true],
      ['Show', false],
      ['Link to the episode', false],
      ['What to listen for', false],
      ['2 or 3 discussion questions, one per line', true],
    ]);
    const bad = messageOf(await rb.bed.harness.as(rb.morgan).submit(form.modal, { title: 'Ep. 1', link: 'not a link', questions: 'Only one?' }));
    expect(bad.content).toBe(
      'That one needs a small fix before I can add it:\n• The link should be a full web address starting with https://\n• please write at least 2 questions, one per line',
    );
  });

  it('runs the podcast club: a thread with the questions, and "I listened" counting each member once', async () => {
    await rb.asModerator('ritual create', { kind: 'podcast', channel: '#poems', cron: '0 9 * * 1', timezone: 'Europe/London', thread: true });
    await rb.at('2026-03-02T09:00:00Z');
    const [post] = postsIn(rb, rb.poems);
    if (!post) throw new Error('expected the podcast post');
    expect(post.embeds[0]?.footer?.text).toBe('Podcast club · ritual #1');
    expect(post.buttons.map((b) => b.label)).toEqual(['I listened']);
    expect(rb.bed.harness.read(post.id)[0]?.content).toMatch(/^Let's talk!/);

    const first = await rb.bed.harness.as(rb.alice).click(post, 'I listened');
    expect(first.kind === 'update' && first.message?.buttons[0]?.label).toBe('I listened · 1');
    const twice = messageOf(await rb.bed.harness.as(rb.alice).click(post, 'I listened · 1'));
    expect(twice).toMatchObject({ ephemeral: true, content: "You're already counted for this one. Thank you for listening! 🎧" });
    const second = await rb.bed.harness.as(rb.morgan).click(post, 'I listened · 1');
    expect(second.kind === 'update' && second.message?.buttons[0]?.label).toBe('I listened · 2');

    const exported = messageOf(await rb.bed.harness.as(rb.alice).run('#general', 'privacy export'));
    const file = rb.bed.harness.world.files.get(exported.attachments[0]?.id ?? '');
    const data = JSON.parse(file?.data.toString() ?? '{}') as { data: { rituals?: { podcastListens: unknown[] } } };
    expect(data.data.rituals?.podcastListens).toHaveLength(1);
  });
});
