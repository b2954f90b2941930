import { localize } from '../i18n/content.js';
import type { Reader } from '../i18n/locales.js';
import type { CommunityValue, JoinReason, OnboardingContent, ShippedTenet, Tenet } from './content.js';

/**
 * Onboarding's content as one reader reads it. The tenets stay the community's own words in
 * English; a translation exists only for the exact words shipped in `data/onboarding/tenets.json`,
 * and a tenet shown translated says so (`translated`). A tenet moderators wrote shows as written.
 */

export interface ShownTenet extends Tenet {
  readonly translated: boolean;
}

export function shownTenet(tenet: Tenet, shipped: readonly ShippedTenet[], reader: Reader): ShownTenet {
  const original = shipped.find((candidate) => candidate.name === tenet.name && candidate.text === tenet.text);
  const { value, translated } = localize<Tenet>({ name: tenet.name, text: tenet.text }, original?.translations, reader);
  return { ...value, translated };
}

export const shownTenets = (tenets: readonly Tenet[], shipped: readonly ShippedTenet[], reader: Reader): ShownTenet[] => tenets.map((tenet) => shownTenet(tenet, shipped, reader));

export const shownReasons = (reasons: readonly JoinReason[], reader: Reader): JoinReason[] =>
  reasons.map((reason) => ({ ...reason, ...localize({ text: reason.text, short: reason.short }, reason.translations, reader).value }));

export const shownValues = (values: readonly CommunityValue[], reader: Reader): CommunityValue[] =>
  values.map((value) => ({ ...value, ...localize({ name: value.name, text: value.text }, value.translations, reader).value }));

export const shownWhy = (why: OnboardingContent['why'], reader: Reader): string => localize({ why: why.why }, why.translations, reader).value.why;
