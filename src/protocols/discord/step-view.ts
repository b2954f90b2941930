import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
} from 'discord.js';
import { formatDueDate } from '../due-date.js';
import { addButton, backButton, chooseSelect, finishButton, nextButton, pauseButton, resumeButton } from './custom-ids.js';
import { COMPONENT_LIMITS, EMBED_LIMITS, embedLength, fitLatest, truncate } from '../../presentation/embed-fit.js';
import type { Protocol } from '../protocol-content.js';
import { isOpen, type Run } from '../runs.js';
import type { Action, Contribution, StepData } from '../step-data.js';
import { inlineText } from '../../presentation/inline-text.js';

/** What the bot sends for a protocol message: the same shape for a new message and an edit. */
export interface ProtocolMessage {
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A step's message is live while the group is on it, then closed (moved on) or finished. */
export type StepMode = 'current' | 'closed' | 'finished' | 'stopped';

const COLOURS = { running: 0x3ba55c, paused: 0xfaa61a, closed: 0x99aab5 } as const;

/** One contribution per line, whatever newlines the member typed. */
export const oneLine = (text: string): string => text.replace(/\s*\n+\s*/g, ' / ').trim();

const contributionLine = (c: Contribution): string => `• ${oneLine(c.text)} (<@${c.authorId}>)`;

export function actionLine(action: Action): string {
  const due = action.dueDate === null ? 'no date yet' : `by ${formatDueDate(action.dueDate)}`;
  return `• ${oneLine(action.text)}: <@${action.ownerId}>, ${due}`;
}

const earlierLine = (n: number): string => `…and ${n} earlier (all of them are in \`/protocol export\`)`;

export function facilitatorLine(run: Run): string {
  return run.facilitatorId === null ? 'Facilitated by a moderator' : `Facilitated by <@${run.facilitatorId}>`;
}

function header(run: Run, protocol: Protocol, stepIndex: number, mode: StepMode): string {
  const step = protocol.steps[stepIndex];
  const status =
    mode === 'finished'
      ? '✅ This protocol has finished; the summary is further down.'
      : mode === 'stopped'
        ? '⏹️ This protocol was stopped here. Everything the group said is kept.'
        : mode === 'closed'
        ? "✓ This step is closed. The group's current step is further down the thread."
        : run.state === 'paused'
          ? '⏸️ **Paused.** The facilitator can resume whenever the group is ready.'
          : null;
  return [
    ...(status ? [status, ''] : []),
    `**Topic:** ${inlineText(run.topic)}`,
    '',
    step?.prompt ?? '',
    '',
    `💡 ${step?.guidance ?? ''}`,
    '',
    facilitatorLine(run),
  ].join('\n');
}

function emptyLine(data: StepData, mode: StepMode): string {
  if (mode !== 'current') return 'Nothing was added at this step.';
  switch (data.kind) {
    case 'actions':
      return 'No actions yet. Press **Add** to add one, with an owner and a date.';
    case 'choices':
      return 'Nothing chosen yet. The facilitator picks from the menu below; anyone can **Add** one in their own words.';
    default:
      return 'Nothing added yet. Press **Add** to share yours.';
  }
}

function listLines(data: StepData): string[] {
  switch (data.kind) {
    case 'answers':
      return data.contributions.map(contributionLine);
    case 'choices':
      return data.candidates.filter((c) => data.chosen.has(c.id)).map(contributionLine);
    case 'actions':
      return data.actions.map(actionLine);
    case 'causes':
      return [];
  }
}

function listHeading(data: StepData): string {
  switch (data.kind) {
    case 'choices':
      return `**Chosen so far (${data.chosen.size})**`;
    case 'actions':
      return `**Actions (${data.actions.length})**`;
    case 'answers':
      return `**Added so far (${data.contributions.length})**`;
    case 'causes':
      return `**Causes so far (${data.contributions.length})**`;
  }
}

/** Causes sorted onto their bones, one field per category (and one for any not sorted). */
function causeFields(protocol: Protocol, stepIndex: number, data: StepData, budget: number): APIEmbedField[] {
  const collects = protocol.steps[stepIndex]?.collects;
  if (data.kind !== 'causes' || collects?.kind !== 'causes') return [];
  const unsorted = data.contributions.filter((c) => c.category === null);
  const groups = [
    ...collects.categories.map((category) => ({ category, items: data.contributions.filter((c) => c.category === category) })),
    ...(unsorted.length > 0 ? [{ category: 'Not sorted yet', items: unsorted }] : []),
  ].slice(0, EMBED_LIMITS.fields);
  const names = groups.map((g) => truncate(`${g.category} (${g.items.length})`, EMBED_LIMITS.fieldName));
  const perField = Math.min(EMBED_LIMITS.fieldValue, Math.floor((budget - names.join('').length) / Math.max(1, groups.length)));
  return groups.map((group, index) => ({
    name: names[index] ?? group.category,
    value: group.items.length === 0 ? '–' : fitLatest(group.items.map(contributionLine), perField, (n) => `…and ${n} earlier`).text,
    inline: false,
  }));
}

function stepEmbed(run: Run, protocol: Protocol, stepIndex: number, data: StepData, mode: StepMode): APIEmbed {
  const step = protocol.steps[stepIndex];
  const title = truncate(`Step ${stepIndex + 1} of ${protocol.steps.length} · ${step?.title ?? ''}`, EMBED_LIMITS.title);
  const status = mode !== 'current' ? 'closed' : run.state === 'paused' ? 'paused' : 'press Add to contribute';
  const footer = { text: `${protocol.title} · ${status}` };
  const top = header(run, protocol, stepIndex, mode);
  const colour = mode !== 'current' ? COLOURS.closed : run.state === 'paused' ? COLOURS.paused : COLOURS.running;
  let description: string;
  let fields: APIEmbedField[] = [];
  if (data.kind === 'causes') {
    description = data.contributions.length === 0 ? `${top}\n\n${emptyLine(data, mode)}` : `${top}\n\n${listHeading(data)}`;
    const budget = EMBED_LIMITS.total - title.length - description.length - footer.text.length;
    fields = data.contributions.length === 0 ? [] : causeFields(protocol, stepIndex, data, budget);
  } else {
    const lines = listLines(data);
    const heading = listHeading(data);
    const room = EMBED_LIMITS.description - top.length - heading.length - 4;
    const list = lines.length === 0 ? emptyLine(data, mode) : fitLatest(lines, room, earlierLine).text;
    description = `${top}\n\n${heading}\n${list}`;
  }
  const embed: APIEmbed = { title, description: truncate(description, EMBED_LIMITS.description), color: colour, footer, ...(fields.length > 0 ? { fields } : {}) };
  // The pieces are budgeted to fit; this guards the arithmetic, never the member's experience.
  if (embedLength(embed) > EMBED_LIMITS.total) embed.fields = [];
  return embed;
}

function button(customId: string, label: string, style: APIButtonComponentWithCustomId['style'], disabled = false): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style, disabled };
}

function controls(run: Run, protocol: Protocol): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const { id, step } = run;
  const last = step === protocol.steps.length - 1;
  if (run.state === 'paused') {
    return [{ type: ComponentType.ActionRow, components: [button(resumeButton.encode(id, step), 'Resume', ButtonStyle.Primary), button(finishButton.encode(id, step), last ? 'Finish' : 'Finish early', ButtonStyle.Secondary)] }];
  }
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(addButton.encode(id, step), 'Add', ButtonStyle.Primary),
        button(backButton.encode(id, step), 'Back', ButtonStyle.Secondary, step === 0),
        button(nextButton.encode(id, step), 'Next', ButtonStyle.Success, last),
        button(pauseButton.encode(id, step), 'Pause', ButtonStyle.Secondary),
        button(finishButton.encode(id, step), last ? 'Finish' : 'Finish early', last ? ButtonStyle.Success : ButtonStyle.Secondary),
      ],
    },
  ];
}

/** The menu of a `choices` step: what has been chosen comes first, so it is never pushed out. */
function choiceMenu(run: Run, protocol: Protocol, data: StepData): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (data.kind !== 'choices' || data.candidates.length === 0 || run.state !== 'running') return [];
  const ordered = [...data.candidates.filter((c) => data.chosen.has(c.id)), ...data.candidates.filter((c) => !data.chosen.has(c.id))];
  const options: APISelectMenuOption[] = ordered.slice(0, COMPONENT_LIMITS.selectOptions).map((c) => ({
    label: truncate(oneLine(c.text), COMPONENT_LIMITS.selectOptionText),
    value: String(c.id),
    description: truncate(c.step === run.step ? 'Added at this step' : `From step ${c.step + 1}: ${protocol.steps[c.step]?.title ?? ''}`, COMPONENT_LIMITS.selectOptionText),
    default: data.chosen.has(c.id),
  }));
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: chooseSelect.encode(run.id, run.step),
          placeholder: 'Facilitator: pick what the group chose',
          min_values: 0,
          max_values: options.length,
          options,
        },
      ],
    },
  ];
}

/** The message for a step: live with its buttons while current, quiet once closed, finished or stopped. */
export function stepMessage(run: Run, protocol: Protocol, stepIndex: number, data: StepData, mode: StepMode): ProtocolMessage {
  const live = mode === 'current' && isOpen(run) && stepIndex === run.step;
  return {
    embeds: [stepEmbed(run, protocol, stepIndex, data, live ? 'current' : mode === 'current' ? 'closed' : mode)],
    components: live ? [...choiceMenu(run, protocol, data), ...controls(run, protocol)] : [],
  };
}
