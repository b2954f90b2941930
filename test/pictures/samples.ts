import type { FishboneData, FunnelData, HistoryData, ProgressCardData, WhyChainData } from '../../src/pictures/index.js';

/**
 * The largest realistic data each picture gets (50 lessons, 10,000 members, 25 rituals with a
 * year of podcast listens), shared by the unit tests, the bench and the pictures in docs/.
 */
export const LARGE_COURSE: ProgressCardData = {
  title: 'Leading Equitable Schools: a year of noticing, listening and acting together',
  done: 31,
  total: 50,
  doneLine: '31 of 50 sessions done',
  nextLine: 'Next: Session 32 of 50 · Seeing School Through Students’ Eyes, with the families who know them best',
  streakLine: 'Streak: 30 weeks in a row · a session this week keeps it going',
  activityLine: 'Last session done yesterday',
};

export const LARGE_FUNNEL: FunnelData = {
  title: 'Onboarding · all time',
  steps: [
    { label: 'Joined', count: 10_000 },
    { label: 'Tenet 1 · Share Generously', count: 9_412 },
    { label: 'Tenet 2 · Be Kind', count: 8_977 },
    { label: 'Tenet 3 · Hold Hope', count: 8_650 },
    { label: 'Tenet 4 · Think and Rethink', count: 8_101 },
    { label: 'Tenet 5 · Listen and Learn', count: 7_884 },
    { label: 'Writing their introduction', count: 7_800 },
    { label: 'Introduced: finished', count: 6_345 },
  ],
};

const MARKS = ['posted', 'posted', 'missed', 'posted', 'failed', 'posted', 'skipped', 'posted', 'posted', 'posted', 'posted', 'waiting'] as const;

export const LARGE_HISTORY: HistoryData = {
  title: 'Rituals · the last 12 runs',
  columns: 12,
  rows: Array.from({ length: 10 }, (_, index) =>
    index % 3 === 1
      ? { title: `#${index + 1} Podcast club`, subtitle: '#podcast-club-for-teachers-who-listen', runs: MARKS.map((_, run) => ({ mark: 'posted' as const, listens: (run + 1) * 833 })) }
      : { title: `#${index + 1} ${index % 3 === 0 ? 'Poem' : 'Prompt'}`, subtitle: '#poems', runs: MARKS.slice(index % 4).map((mark) => ({ mark })) },
  ),
};

export const LARGE_FISHBONE: FishboneData = {
  effect: 'Ninth graders miss more school on Mondays than on any other day (attendance, September to November)',
  bones: ['Policies', 'Practices', 'People', 'Place', 'Student experience', 'Community'].map((category, index) => ({
    category,
    causes: Array.from({ length: 4 + index * 3 }, (_, n) => `A cause the group named under ${category.toLowerCase()}, number ${n + 1}`),
  })),
};

/** Five whys, each with more answers than the chain shows, every one long. */
export const LARGE_WHY_CHAIN: WhyChainData = {
  problem: 'Half of the families we invited did not come to the autumn conferences, and most of them were families of our newest students',
  whys: Array.from({ length: 5 }, (_, index) => ({
    label: `Why? (${index + 1})`,
    answers: Array.from({ length: 4 }, (_, n) => `An answer the group gave to why number ${index + 1}, the ${['first', 'second', 'third', 'fourth'][n]} of them, said at some length`),
  })),
};
