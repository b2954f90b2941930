import { ENGLISH, readerOf } from '../../src/i18n/locales.js';
import { funnelWords } from '../../src/onboarding/discord/moderator-view.js';
import { onboardingMessages } from '../../src/onboarding/discord/messages.js';
import type { FishboneData, FunnelData, HistoryData, ProgressCardData, WhyChainData } from '../../src/pictures/index.js';
import { fishboneWords, whyChainWords } from '../../src/protocols/discord/summary-view.js';
import { protocolMessages } from '../../src/protocols/discord/messages.js';
import { historyWords } from '../../src/rituals/discord/history-view.js';
import { ritualMessages } from '../../src/rituals/discord/messages.js';

/**
 * The largest realistic data each picture gets (50 lessons, 10,000 members, 25 rituals with a
 * year of podcast listens), shared by the unit tests, the bench and the pictures in docs/. The
 * words each picture draws itself come from the features' catalogues, as the bot gives them.
 */
const SPANISH = readerOf('es-ES');

export const LARGE_COURSE: ProgressCardData = {
  title: 'Leading Equitable Schools: a year of noticing, listening and acting together',
  done: 31,
  total: 50,
  percentText: '62%',
  doneLine: '31 of 50 sessions done',
  nextLine: 'Next: Session 32 of 50 · Seeing School Through Students’ Eyes, with the families who know them best',
  streakLine: 'Streak: 30 weeks in a row · a session this week keeps it going',
  activityLine: 'Last session done yesterday',
  alt: 'Progress card for Leading Equitable Schools: 31 of 50 sessions done (62%).',
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
  words: funnelWords(onboardingMessages.for(ENGLISH)),
  alt: 'Funnel chart, Onboarding · all time.',
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
  words: historyWords(ritualMessages.for(ENGLISH)),
  alt: 'Rituals · the last 12 runs.',
};

export const LARGE_FISHBONE: FishboneData = {
  effect: 'Ninth graders miss more school on Mondays than on any other day (attendance, September to November)',
  bones: ['Policies', 'Practices', 'People', 'Place', 'Student experience', 'Community'].map((category, index) => ({
    category,
    causes: Array.from({ length: 4 + index * 3 }, (_, n) => `A cause the group named under ${category.toLowerCase()}, number ${n + 1}`),
  })),
  words: fishboneWords(protocolMessages.for(ENGLISH)),
  alt: 'Fishbone diagram.',
};

/** Five whys, each with more answers than the chain shows, every one long. */
export const LARGE_WHY_CHAIN: WhyChainData = {
  problem: 'Half of the families we invited did not come to the autumn conferences, and most of them were families of our newest students',
  whys: Array.from({ length: 5 }, (_, index) => ({
    label: `Why? (${index + 1})`,
    answers: Array.from({ length: 4 }, (_, n) => `An answer the group gave to why number ${index + 1}, the ${['first', 'second', 'third', 'fourth'][n]} of them, said at some length`),
  })),
  words: whyChainWords(protocolMessages.for(ENGLISH)),
  alt: 'Why-chain.',
};

/*
 * The same pictures for a Spanish reader: Spanish words are longer, so these check that what each
 * picture draws itself still fits (and that it draws the words it is given).
 */
export const SPANISH_FUNNEL: FunnelData = {
  title: 'Bienvenida · todo el tiempo',
  steps: [
    { label: 'Llegaron', count: 10_000 },
    { label: 'Principio 1 · Comparte con generosidad', count: 10_000 },
    { label: 'Principio 2 · Sé amable', count: 8_977 },
    { label: 'Principio 3 · Mantén la esperanza', count: 8_650 },
    { label: 'Principio 4 · Piensa y vuelve a pensar', count: 8_101 },
    { label: 'Principio 5 · Escucha y aprende', count: 7_884 },
    { label: 'Escribiendo su presentación', count: 7_800 },
    { label: 'Presentados: terminaron', count: 6_345 },
  ],
  words: funnelWords(onboardingMessages.for(SPANISH)),
  alt: 'Gráfico de embudo, Bienvenida · todo el tiempo.',
};

export const SPANISH_HISTORY: HistoryData = {
  ...LARGE_HISTORY,
  title: 'Rituales · las últimas 12 publicaciones',
  rows: LARGE_HISTORY.rows.map((row, index) => ({ ...row, title: `#${index + 1} ${index % 3 === 1 ? 'Club de pódcast' : index % 3 === 0 ? 'Poema' : 'Pregunta'}` })),
  words: historyWords(ritualMessages.for(SPANISH)),
  alt: 'Rituales · las últimas 12 publicaciones.',
};

export const SPANISH_FISHBONE: FishboneData = {
  effect: 'El alumnado de noveno falta más a clase los lunes que cualquier otro día (asistencia, de septiembre a noviembre)',
  bones: ['Normas', 'Prácticas', 'Personas', 'Lugar', 'Experiencia del alumnado', 'Comunidad'].map((category, index) => ({
    category,
    causes: Array.from({ length: 4 + index * 3 }, (_, n) => `Una causa que el grupo nombró en ${category.toLowerCase()}, la número ${n + 1}`),
  })),
  words: fishboneWords(protocolMessages.for(SPANISH)),
  alt: 'Diagrama de espina de pescado.',
};

export const SPANISH_WHY_CHAIN: WhyChainData = {
  problem: 'La mitad de las familias que invitamos no vino a las reuniones de otoño, y casi todas eran familias de nuestro alumnado más nuevo',
  whys: Array.from({ length: 5 }, (_, index) => ({
    label: `¿Por qué? (${index + 1} de 5)`,
    answers: index === 4 ? [] : Array.from({ length: 4 }, (_, n) => `Una respuesta que el grupo dio al porqué número ${index + 1}, la ${['primera', 'segunda', 'tercera', 'cuarta'][n]}, dicha con calma`),
  })),
  words: whyChainWords(protocolMessages.for(SPANISH)),
  alt: 'Cadena de porqués.',
};
