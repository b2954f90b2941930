import type { APIEmbed } from 'discord.js';
import { EMBED_LIMITS, fitFirst, truncate, truncateAtWord } from '../../presentation/embed-fit.js';
import type { Protocol } from '../protocol-content.js';
import type { OpenRun, Run } from '../runs.js';
import { actionLine, facilitatorLine, oneLine } from './step-view.js';
import type { Summary } from '../summary.js';
import type { Contribution } from '../step-data.js';
import { inlineText } from '../../presentation/inline-text.js';
import { fishboneDiagram, whyChain, type Picture, type TextMeasure } from '../../pictures/index.js';

const SUMMARY_COLOUR = 0x5865f2;
/** The protocol whose summary draws its chain of whys. */
const FIVE_WHYS = 'five-whys';
const more = (n: number) => `…and ${n} more (all of them are in \`/protocol export\`)`;

/** Sections share the room left, each taking no more than its fair part of what remains. */
function fitSections(sections: readonly { heading: string; lines: readonly string[]; empty: string }[], room: number): string {
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

export function summaryEmbed(summary: Summary): APIEmbed {
  const { run, protocol } = summary;
  const early = run.state === 'finished' && run.step < protocol.steps.length - 1;
  const people = summary.participants.length;
  const top = [
    `**Problem:** ${inlineText(run.topic)}`,
    [facilitatorLine(run), `${people} ${people === 1 ? 'person' : 'people'} took part`, ...(early ? [`finished early, at step ${run.step + 1} of ${protocol.steps.length}`] : [])].join(' · '),
  ].join('\n');
  const sections = [
    ...summary.chosen.map((group) => ({ heading: `**${group.heading}**`, lines: group.items.map((c) => `• ${oneLine(c.text)}`), empty: 'Nothing was chosen.' })),
    ...(protocol.steps.some((s) => s.collects.kind === 'actions')
      ? [{ heading: '**Actions**', lines: summary.actions.map(actionLine), empty: 'No actions were agreed.' }]
      : []),
  ];
  const room = EMBED_LIMITS.description - top.length - 2;
  return {
    title: truncate(`Summary · ${protocol.title}`, EMBED_LIMITS.title),
    description: sections.length === 0 ? top : `${top}\n\n${fitSections(sections, room)}`,
    color: SUMMARY_COLOUR,
    footer: { text: 'The full record, step by step: /protocol export in the thread' },
  };
}

/** The line posted in the channel the thread came from, linking to the summary. */
export function finishedNotice(run: Run, protocol: Protocol, summaryLink: string): string {
  return `✅ **${protocol.title}** on “${inlineText(truncateAtWord(run.topic, 200))}” has finished. Here is what the group decided; the whole conversation is in <#${run.threadId}>: ${summaryLink}`;
}

export function runListEmbed(runs: readonly OpenRun[], protocols: ReadonlyMap<string, Protocol>): APIEmbed {
  const lines = runs.map((run) => {
    const protocol = protocols.get(run.protocolId);
    const where = protocol ? `step ${run.step + 1} of ${protocol.steps.length}` : `step ${run.step + 1}`;
    return `• **${protocol?.title ?? run.protocolId}**: ${inlineText(truncateAtWord(run.topic, 80))} · ${where}${run.state === 'paused' ? ' (paused)' : ''} · ${run.facilitatorId === null ? 'a moderator' : `<@${run.facilitatorId}>`} · <#${run.threadId}>`;
  });
  return {
    title: `Protocols running here (${runs.length})`,
    description: fitFirst(lines, EMBED_LIMITS.description, (n) => `…and ${n} more`).text,
    color: SUMMARY_COLOUR,
    footer: { text: 'Open a thread to join in; anyone can add with the Add button.' },
  };
}

/**
 * The summary's picture, where a protocol has a shape worth drawing: the Fishbone's bones with the
 * causes sorted under them, or the 5 Whys' chain from the problem to the last "why?".
 */
export function summaryPictures(summary: Summary, measure: TextMeasure): Picture[] {
  const { run, protocol } = summary;
  const causesAt = protocol.steps.findIndex((step) => step.collects.kind === 'causes');
  const collects = protocol.steps[causesAt]?.collects;
  if (collects?.kind === 'causes') {
    const contributions = summary.steps[causesAt]?.contributions ?? [];
    // Categories since taken out of the protocol still show the causes filed under them.
    const categoryOf = (c: Contribution) => c.category ?? 'Other';
    const categories = [...new Set([...collects.categories, ...contributions.map(categoryOf)])];
    const bones = categories.map((category) => ({ category, causes: contributions.filter((c) => categoryOf(c) === category).map((c) => oneLine(c.text)) }));
    return [fishboneDiagram('fishbone.png', { effect: run.topic, bones }, measure)];
  }
  if (protocol.id === FIVE_WHYS) {
    const whys = summary.steps.filter((step, index) => index > 0 && step.kind === 'answers');
    return [whyChain('why-chain.png', { problem: run.topic, whys: whys.map((step) => ({ label: step.title, answers: step.contributions.map((c) => oneLine(c.text)) })) }, measure)];
  }
  return [];
}
