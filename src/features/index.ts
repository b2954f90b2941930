import { onboardingFeature } from '../onboarding/feature.js';
import { ritualsFeature } from '../rituals/feature.js';
import { coursesFeature } from '../courses/feature.js';
import { protocolsFeature } from '../protocols/feature.js';
import type { Feature } from './feature.js';

/** Every feature the bot runs, in start order. Each feature adds itself here, one line. */
export const FEATURES: readonly Feature[] = [onboardingFeature, ritualsFeature, coursesFeature, protocolsFeature];
