/**
 * Pictures: charts and cards built as SVG from plain data, rendered to PNG in the bot's process.
 * Nothing here knows Discord or a feature; each feature's `discord/` views give it data and attach
 * what comes back.
 */
export { funnelChart, dropOff, type FunnelData, type FunnelStep } from './funnel.js';
export { picture, ALT_TEXT_LIMIT, type Picture } from './picture.js';
export { progressCard, type ProgressCardData } from './progress-card.js';
export { createPictureRenderer, PICTURE_SCALE, type PictureRenderer } from './renderer.js';
export { runHistoryChart, type HistoryData, type HistoryRow, type HistoryRun, type RunMark } from './run-history.js';
export { drawable, escapeXml, TextMeasure } from './text.js';
export { fishboneDiagram, whyChain, type FishboneData, type WhyChainData } from './root-causes.js';
