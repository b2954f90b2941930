import { afterEach, describe, expect, it } from 'vitest';
import { commitTo, DAVE_INTRO, joinAndWelcome, message, modal, startOnboardingScene, type OnboardingScene } from './support.js';

describe('the introduction form, checked on arrival', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('names the box, its limit and the real length of text past the limit, and counts invisible text as empty', async () => {
    scene = await startOnboardingScene();
    const { h } = scene;
    const dave = h.user('dave');
    const last = await commitTo(h, dave, await joinAndWelcome(scene, dave), 5);
    const form = modal(await h.as(dave).click(last, 'Introduce myself'));

    // A client that ignores the form's own limits.
    const lax = { ...form, fields: form.fields.map((field) => ({ ...field, maxLength: null })) };
    const long = message(await h.as(dave).submit(lax, { ...DAVE_INTRO, 'school-region': 'x'.repeat(140) }));
    expect(long.ephemeral).toBe(true);
    expect(long.content).toBe('"School or region" can be at most 100 characters, and yours has 140. Press "Introduce myself" to try again.');

    const invisible = message(await h.as(dave).submit(form, { ...DAVE_INTRO, name: '\u200b\u200b\u3164' }));
    expect(invisible.content).toBe('Please tell us your name. Press "Introduce myself" to try again.');
    expect(await scene.bed.bot.db.selectFrom('onboarding_intros').selectAll().execute()).toEqual([]);
  });

  it('keeps a reflection made only of invisible characters as no reflection at all', async () => {
    scene = await startOnboardingScene();
    const { h } = scene;
    const dave = h.user('dave');
    const walk = await joinAndWelcome(scene, dave);
    const form = modal(await h.as(dave).click(walk, 'Add a reflection'));
    const next = message(await h.as(dave).submit(form, { reflection: '\u200b\u2800' }));
    expect(next.embeds[0]?.title).toBe('Tenet 2 of 5 · Be Kind');
    const rows = await scene.bed.bot.db.selectFrom('onboarding_commitments').select('reflection').execute();
    expect(rows).toEqual([{ reflection: null }]);
  });
});
