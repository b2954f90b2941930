import { afterEach, describe, expect, it } from 'vitest';
import { messageOf, startRitualBed, type RitualBed } from './support.js';

describe("a moderator's poem title in the bot's replies", () => {
  let rb: RitualBed;
  afterEach(() => rb.close());

  it('shows as typed in the reply and the list, and plainly in suggestions', async () => {
    rb = await startRitualBed('2026-03-02T08:00:00Z');
    const form = await rb.bed.harness.as(rb.morgan).run('#general', 'poem add');
    if (form.kind !== 'modal') throw new Error('expected a form');
    const title = '**Free** [grant](https://evil.example)';
    const added = messageOf(await rb.bed.harness.as(rb.morgan).submit(form.modal, { title, author: '_Anon_', text: 'Words' }));
    const id = Number(/^Added #(\d+)/.exec(added.content)?.[1]);
    const shown = `#${id} “\\*\\*Free\\*\\* \\[grant](https://evil.example)” by \\_Anon\\_`;
    expect(added.content).toBe(`Added ${shown} to this server's library. It joins the rotation.`);
    const list = messageOf(await rb.bed.harness.as(rb.morgan).run('#general', 'poem list'));
    expect(list.embeds[0]?.description).toContain(shown);
    const suggestions = await rb.bed.harness.as(rb.morgan).autocomplete('#general', 'poem remove', { poem: 'free' }, 'poem');
    expect(suggestions).toEqual([{ name: `#${id} “${title}” by _Anon_`, value: id }]);
  });
});
