/**
 * Pictures: charts and cards built as SVG from plain data, rendered to PNG in the bot's process.
 * Nothing here knows Discord, a feature or a language: each feature's `discord/` views give it data,
 * every word it draws and its text alternative already in the reader's language, and attach what
 * comes back.
 */
export { funnelChart, type FunnelData, type FunnelStep, type FunnelWords } from './funnel.js';
export { ALT_TEXT_LIMIT, type Picture } from './picture.js';
export { progressCard, type ProgressCardData } from './progress-card.js';
export { createPictureRenderer, PICTURE_SCALE, type PictureRenderer } from './renderer.js';
export { runHistoryChart, type HistoryData, type HistoryRow, type HistoryRun, type HistoryWords, type RunMark } from './run-history.js';
export { drawable, escapeXml, TextMeasure } from './text.js';
export { fishboneDiagram, whyChain, type FishboneData, type FishboneWords, type WhyChainData, type WhyChainWords } from './root-causes.js';
