import type { APIEmbed } from 'discord.js';
import { EMBED_LIMITS, fitFirst, truncate, truncateAtWord } from '../../presentation/embed-fit.js';
import type { ReadProtocol } from '../protocol-content.js';
import type { OpenRun, Run } from '../runs.js';
import { actionLine, facilitatorLine, oneLine } from './step-view.js';
import type { Summary } from '../summary.js';
import type { Contribution } from '../step-data.js';
import { inlineText } from '../../presentation/inline-text.js';
import { fishboneDiagram, whyChain, type FishboneWords, type Picture, type TextMeasure, type WhyChainWords } from '../../pictures/index.js';
import type { ProtocolsSay } from './messages.js';

const SUMMARY_COLOUR = 0x5865f2;
/** The protocol whose summary draws its chain of whys. */
const FIVE_WHYS = 'five-whys';
/** Sections share the room left, each taking no more than its fair part of what remains. */
function fitSections(sections: readonly { heading: string; lines: readonly string[]; empty: string }[], room: number, t: ProtocolsSay): string {
  const more = (count: number) => t('summary.more', { count });
  let remaining = room;
  return sections
    .map((section, index) => {
      const share = Math.floor(remaining / (sections.length - index));
      const body = section.lines.length === 0 ? section.empty : fitFirst(section.lines, share - section.heading.length - 3, more).text;
      const text = `${section.heading}\n${body}`;
      remaining -= text.length + 2;
      return text;
    })
    .join('\n\n');
}

/**
 * The summary, in the thread and its channel: in the server's language, `summary` built from the
 * protocol as the server reads it (headings and step titles translated).
 */
export function summaryEmbed(summary: Summary<ReadProtocol>, t: ProtocolsSay): APIEmbed {
  const { run, protocol } = summary;
  const early = run.state === 'finished' && run.step < protocol.steps.length - 1;
  const top = [
    t('summary.problem', { topic: inlineText(run.topic) }),
    [
      facilitatorLine(run, t),
      t('summary.took-part', { count: summary.participants.length }),
      ...(early ? [t('summary.finished-early', { step: run.step + 1, total: protocol.steps.length })] : []),
    ].join(' · '),
  ].join('\n');
  const sections = [
    ...summary.chosen.map((group) => ({ heading: `**${group.heading}**`, lines: group.items.map((c) => `• ${oneLine(c.text)}`), empty: t('summary.nothing-chosen') })),
    ...(protocol.steps.some((s) => s.collects.kind === 'actions')
      ? [{ heading: t('summary.actions'), lines: summary.actions.map((action) => actionLine(action, t)), empty: t('summary.no-actions') }]
      : []),
  ];
  const room = EMBED_LIMITS.description - top.length - 2;
  return {
    title: truncate(t('summary.title', { protocol: protocol.title }), EMBED_LIMITS.title),
    description: sections.length === 0 ? top : `${top}\n\n${fitSections(sections, room, t)}`,
    color: SUMMARY_COLOUR,
    footer: { text: t('summary.footer') },
  };
}

/** The line posted in the channel the thread came from, linking to the summary. */
export function finishedNotice(run: Run, protocol: ReadProtocol, summaryLink: string, t: ProtocolsSay): string {
  return t('summary.finished-notice', { protocol: protocol.title, topic: inlineText(truncateAtWord(run.topic, 200)), thread: `<#${run.threadId}>`, link: summaryLink });
}

/** `/protocol list`, for the member who asked: `protocolOf` gives each run's protocol as they read it. */
export function runListEmbed(runs: readonly OpenRun[], protocolOf: (protocolId: string) => ReadProtocol | undefined, t: ProtocolsSay): APIEmbed {
  const lines = runs.map((run) => {
    const protocol = protocolOf(run.protocolId);
    const step = { step: run.step + 1, total: protocol?.steps.length ?? 0 };
    const where = protocol === undefined ? t('list.where-unknown', step) : t(run.state === 'paused' ? 'list.where-paused' : 'list.where', step);
    return t('list.line', {
      protocol: protocol?.title ?? run.protocolId,
      topic: inlineText(truncateAtWord(run.topic, 80)),
      where,
      facilitator: run.facilitatorId === null ? t('list.a-moderator') : `<@${run.facilitatorId}>`,
      thread: `<#${run.threadId}>`,
    });
  });
  return {
    title: t('list.title', { count: runs.length }),
    description: fitFirst(lines, EMBED_LIMITS.description, (count) => t('list.more', { count })).text,
    color: SUMMARY_COLOUR,
    footer: { text: t('list.footer') },
  };
}

/** The words the Fishbone's diagram draws, in the reader's language. */
export function fishboneWords(t: ProtocolsSay): FishboneWords {
  return { title: t('summary.fishbone.title'), more: (count) => t('summary.picture.more', { count }) };
}

/** The words the 5 Whys' chain draws, in the reader's language. */
export function whyChainWords(t: ProtocolsSay): WhyChainWords {
  return { title: t('summary.why-chain.title'), problem: t('summary.picture.problem'), noAnswer: t('summary.picture.no-answer'), more: (count) => t('summary.picture.more', { count }) };
}

/**
 * The summary's picture, where a protocol has a shape worth drawing: the Fishbone's bones with the
 * causes sorted under them, or the 5 Whys' chain from the problem to the last "why?". Its words and
 * description are the summary's reader's: the server's language, like the summary beside it.
 */
export function summaryPictures(summary: Summary<ReadProtocol>, measure: TextMeasure, t: ProtocolsSay): Picture[] {
  const { run, protocol } = summary;
  const causesAt = protocol.steps.findIndex((step) => step.collects.kind === 'causes');
  const collects = protocol.steps[causesAt]?.collects;
  if (collects?.kind === 'causes') {
    const contributions = summary.steps[causesAt]?.contributions ?? [];
    // Categories since taken out of the protocol still show the causes filed under them. The bones
    // are found by the stored (English) category and named in the reader's words.
    const unsorted = t('summary.unsorted-bone');
    const categoryOf = (c: Contribution) => (c.category === null ? unsorted : protocol.categoryName(c.category));
    const categories = [...new Set([...collects.categories.map((category) => protocol.categoryName(category)), ...contributions.map(categoryOf)])];
    const bones = categories.map((category) => ({ category, causes: contributions.filter((c) => categoryOf(c) === category).map((c) => oneLine(c.text)) }));
    const described = bones.map(({ category, causes }) => t('summary.fishbone.alt-bone', { category, causes: causes.length === 0 ? t('summary.fishbone.alt-no-causes') : causes.join('; ') }));
    return [fishboneDiagram('fishbone.png', { effect: run.topic, bones, words: fishboneWords(t), alt: t('summary.fishbone.alt', { effect: run.topic, bones: described.join(' ') }) }, measure)];
  }
  if (protocol.id === FIVE_WHYS) {
    const whys = summary.steps
      .filter((step, index) => index > 0 && step.kind === 'answers')
      .map((step) => ({ label: step.title, answers: step.contributions.map((c) => oneLine(c.text)) }));
    const described = whys.map(({ label, answers }) => t('summary.why-chain.alt-why', { label, answers: answers.length === 0 ? t('summary.why-chain.alt-no-answer') : answers.join('; ') }));
    return [whyChain('why-chain.png', { problem: run.topic, whys, words: whyChainWords(t), alt: t('summary.why-chain.alt', { problem: run.topic, whys: described.join(' ') }) }, measure)];
  }
  return [];
}
