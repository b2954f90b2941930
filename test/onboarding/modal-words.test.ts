import { describe, expect, it } from 'vitest';
import { introductionModal, reflectionModal, tenetsModal } from '../../src/onboarding/discord/forms.js';
import { onboardingMessages } from '../../src/onboarding/discord/messages.js';
import { ENGLISH } from '../../src/i18n/locales.js';

const t = onboardingMessages.for(ENGLISH);

const GUILD = '100000000000000001';
const USER = '200000000000000001';

/** Every title, label, description and placeholder of a modal: what Discord shows as plain text. */
function promptsOf(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(promptsOf);
  if (json === null || typeof json !== 'object') return [];
  return Object.entries(json).flatMap(([key, value]) =>
    ['title', 'label', 'description', 'placeholder'].includes(key) && typeof value === 'string' ? [value] : promptsOf(value),
  );
}

describe("onboarding's forms", () => {
  it('show no Markdown in their prompts, even for names that carry some', () => {
    const tenet = { name: '**Be Kind**', text: 'Kindness lasts.' };
    const modals = [
      reflectionModal(GUILD, USER, { kind: 'tenet', version: 1, index: 0 }, tenet, t),
      introductionModal(GUILD, USER, 'dave', [{ id: 'new-ideas', text: 'You want **new** ideas', short: 'wants new ideas' }], t),
      tenetsModal({ version: 1, tenets: [tenet], origin: 'moderator', createdAt: new Date(0) }, t),
    ];
    const prompts = modals.flatMap((m) => promptsOf(m.toJSON()));
    expect(prompts.length).toBeGreaterThan(10);
    expect(prompts.filter((text) => /[*_~`]/.test(text))).toEqual([]);
    expect(prompts).toContain('Be Kind');
  });
});
