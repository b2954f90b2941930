import { afterEach, describe, expect, it } from 'vitest';
import { joinAndWelcome, message, modal, startOnboardingScene, type OnboardingScene } from './support.js';

describe('a tenet reflection', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('is thanked for on the next step, in the same answer that moves the walk on', async () => {
    scene = await startOnboardingScene();
    const { h } = scene;
    const dave = h.user('dave');
    const walk = await joinAndWelcome(scene, dave);
    const form = modal(await h.as(dave).click(walk, 'Add a reflection'));
    const next = message(await h.as(dave).submit(form, { reflection: 'Generosity starts with my time.' }));
    expect(next.id).toBe(walk.id);
    expect(next.content).toBe('Thank you for sharing what it means to you. 🌱');
    expect(next.embeds[0]?.title).toBe('Tenet 2 of 5 · Be Kind');

    // A plain commitment moves on without it.
    const after = message(await h.as(dave).click(next, 'I commit to this'));
    expect(after.content).toBe('');
    expect(after.embeds[0]?.title).toBe('Tenet 3 of 5 · Hold Hope');
  });
});
