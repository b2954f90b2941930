import { createCoursesFeature } from '../courses/discord/feature.js';
import { createOnboardingFeature } from '../onboarding/discord/feature.js';
import { createProtocolsFeature } from '../protocols/discord/feature.js';
import { createRitualsFeature } from '../rituals/discord/feature.js';
import type { Feature } from './feature.js';

/** Every feature the bot runs, made fresh for one bot, in start order. Each feature adds itself here. */
export function createFeatures(): Feature[] {
  return [createOnboardingFeature(), createRitualsFeature(), createCoursesFeature(), createProtocolsFeature()];
}
