import { afterEach, describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/presentation/inline-text.js';
import { commitTo, DAVE_INTRO, introduce, joinAndWelcome, startOnboardingScene, type OnboardingScene } from './support.js';

const DISGUISED_LINK = '[Claim your grant](https://evil.example/x)';
/** A Markdown link that Discord would render: brackets and parentheses not escaped. */
const RENDERED_LINK = /(?<!\\)\[Claim your grant(?<!\\)\]\(/;

describe('names members choose, in public posts', () => {
  let scene: OnboardingScene;
  afterEach(() => scene.bed.close());

  it('shows an introduction’s name and school as typed, never as a link, heading or code block', async () => {
    scene = await startOnboardingScene();
    const { h, introductions } = scene;
    const dave = h.user('dave', { globalName: `Dave ${DISGUISED_LINK}` });
    const walk = await joinAndWelcome(scene, dave);
    expect(walk.content).not.toMatch(RENDERED_LINK);
    expect(walk.content).toContain(inlineText(`Dave ${DISGUISED_LINK}`));

    const { post, summary } = await introduce(h, dave, await commitTo(h, dave, walk, 5), introductions, {
      ...DAVE_INTRO,
      name: DISGUISED_LINK,
      'school-region': 'Leeds\n# Free grants\n```',
    });
    const card = post?.embeds[0];
    expect(card?.title).toBe(inlineText(DISGUISED_LINK));
    expect(card?.title).not.toMatch(RENDERED_LINK);
    const school = card?.fields?.find((field) => field.name === 'School or region')?.value;
    expect(school).toBe(inlineText('Leeds # Free grants ```'));
    expect(school).not.toContain('\n');
    expect(summary.embeds[0]?.title).not.toMatch(RENDERED_LINK);
  });
});
