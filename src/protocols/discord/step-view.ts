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
import type { Reader } from '../../i18n/locales.js';
import { localizeProtocol, type Protocol, type ReadProtocol } from '../protocol-content.js';
import { isOpen, type Run } from '../runs.js';
import type { Action, Contribution, StepData } from '../step-data.js';
import { inlineText } from '../../presentation/inline-text.js';
import { protocolsSayTo, type ProtocolsSay } from './messages.js';

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

/** An action as the step and the summary list it: what, who, by when (a calendar day, in the reader's words). */
export function actionLine(action: Action, t: ProtocolsSay): string {
  const values = { text: oneLine(action.text), owner: `<@${action.ownerId}>` };
  return action.dueDate === null ? t('step.action-no-date', values) : t('step.action', { ...values, date: formatDueDate(action.dueDate, t.language) });
}

export function facilitatorLine(run: Run, t: ProtocolsSay): string {
  return run.facilitatorId === null ? t('step.facilitated-by-moderators') : t('step.facilitated-by', { facilitator: `<@${run.facilitatorId}>` });
}

function header(run: Run, protocol: ReadProtocol, stepIndex: number, mode: StepMode, t: ProtocolsSay): string {
  const step = protocol.steps[stepIndex];
  const status =
    mode === 'finished'
      ? t('step.status.finished')
      : mode === 'stopped'
        ? t('step.status.stopped')
        : mode === 'closed'
        ? t('step.status.closed')
        : run.state === 'paused'
          ? t('step.status.paused')
          : null;
  return [
    ...(status ? [status, ''] : []),
    t('step.topic', { topic: inlineText(run.topic) }),
    '',
    step?.prompt ?? '',
    '',
    `💡 ${step?.guidance ?? ''}`,
    '',
    facilitatorLine(run, t),
  ].join('\n');
}

function emptyLine(data: StepData, mode: StepMode, t: ProtocolsSay): string {
  if (mode !== 'current') return t('step.empty.closed');
  switch (data.kind) {
    case 'actions':
      return t('step.empty.actions');
    case 'choices':
      return t('step.empty.choices');
    default:
      return t('step.empty.answers');
  }
}

function listLines(data: StepData, t: ProtocolsSay): string[] {
  switch (data.kind) {
    case 'answers':
      return data.contributions.map(contributionLine);
    case 'choices':
      return data.candidates.filter((c) => data.chosen.has(c.id)).map(contributionLine);
    case 'actions':
      return data.actions.map((action) => actionLine(action, t));
    case 'causes':
      return [];
  }
}

function listHeading(data: StepData, t: ProtocolsSay): string {
  switch (data.kind) {
    case 'choices':
      return t('step.heading.choices', { count: data.chosen.size });
    case 'actions':
      return t('step.heading.actions', { count: data.actions.length });
    case 'answers':
      return t('step.heading.answers', { count: data.contributions.length });
    case 'causes':
      return t('step.heading.causes', { count: data.contributions.length });
  }
}

/** Causes sorted onto their bones, one field per category (and one for any not sorted). */
function causeFields(protocol: ReadProtocol, stepIndex: number, data: StepData, budget: number, t: ProtocolsSay): APIEmbedField[] {
  const collects = protocol.steps[stepIndex]?.collects;
  if (data.kind !== 'causes' || collects?.kind !== 'causes') return [];
  const unsorted = data.contributions.filter((c) => c.category === null);
  const groups = [
    ...collects.categories.map((category) => ({ category: protocol.categoryName(category), items: data.contributions.filter((c) => c.category === category) })),
    ...(unsorted.length > 0 ? [{ category: t('step.not-sorted'), items: unsorted }] : []),
  ].slice(0, EMBED_LIMITS.fields);
  const names = groups.map((g) => truncate(`${g.category} (${g.items.length})`, EMBED_LIMITS.fieldName));
  const perField = Math.min(EMBED_LIMITS.fieldValue, Math.floor((budget - names.join('').length) / Math.max(1, groups.length)));
  return groups.map((group, index) => ({
    name: names[index] ?? group.category,
    value: group.items.length === 0 ? '–' : fitLatest(group.items.map(contributionLine), perField, (count) => t('step.earlier-short', { count })).text,
    inline: false,
  }));
}

function stepEmbed(run: Run, protocol: ReadProtocol, stepIndex: number, data: StepData, mode: StepMode, t: ProtocolsSay): APIEmbed {
  const step = protocol.steps[stepIndex];
  const title = truncate(t('step.title', { number: stepIndex + 1, total: protocol.steps.length, title: step?.title ?? '' }), EMBED_LIMITS.title);
  const footer = { text: t(mode !== 'current' ? 'step.footer.closed' : run.state === 'paused' ? 'step.footer.paused' : 'step.footer.current', { protocol: protocol.title }) };
  const top = header(run, protocol, stepIndex, mode, t);
  const colour = mode !== 'current' ? COLOURS.closed : run.state === 'paused' ? COLOURS.paused : COLOURS.running;
  let description: string;
  let fields: APIEmbedField[] = [];
  if (data.kind === 'causes') {
    description = data.contributions.length === 0 ? `${top}\n\n${emptyLine(data, mode, t)}` : `${top}\n\n${listHeading(data, t)}`;
    const budget = EMBED_LIMITS.total - title.length - description.length - footer.text.length;
    fields = data.contributions.length === 0 ? [] : causeFields(protocol, stepIndex, data, budget, t);
  } else {
    const lines = listLines(data, t);
    const heading = listHeading(data, t);
    const room = EMBED_LIMITS.description - top.length - heading.length - 4;
    const list = lines.length === 0 ? emptyLine(data, mode, t) : fitLatest(lines, room, (count) => t('step.earlier', { count })).text;
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

function controls(run: Run, protocol: Protocol, t: ProtocolsSay): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const { id, step } = run;
  const last = step === protocol.steps.length - 1;
  const finish = t(last ? 'step.button.finish' : 'step.button.finish-early');
  if (run.state === 'paused') {
    return [{ type: ComponentType.ActionRow, components: [button(resumeButton.encode(id, step), t('step.button.resume'), ButtonStyle.Primary), button(finishButton.encode(id, step), finish, ButtonStyle.Secondary)] }];
  }
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(addButton.encode(id, step), t('step.button.add'), ButtonStyle.Primary),
        button(backButton.encode(id, step), t('step.button.back'), ButtonStyle.Secondary, step === 0),
        button(nextButton.encode(id, step), t('step.button.next'), ButtonStyle.Success, last),
        button(pauseButton.encode(id, step), t('step.button.pause'), ButtonStyle.Secondary),
        button(finishButton.encode(id, step), finish, last ? ButtonStyle.Success : ButtonStyle.Secondary),
      ],
    },
  ];
}

/** The menu of a `choices` step: what has been chosen comes first, so it is never pushed out. */
function choiceMenu(run: Run, protocol: ReadProtocol, data: StepData, t: ProtocolsSay): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (data.kind !== 'choices' || data.candidates.length === 0 || run.state !== 'running') return [];
  const ordered = [...data.candidates.filter((c) => data.chosen.has(c.id)), ...data.candidates.filter((c) => !data.chosen.has(c.id))];
  const options: APISelectMenuOption[] = ordered.slice(0, COMPONENT_LIMITS.selectOptions).map((c) => ({
    label: truncate(oneLine(c.text), COMPONENT_LIMITS.selectOptionText),
    value: String(c.id),
    description: truncate(
      c.step === run.step ? t('step.choose.added-here') : t('step.choose.from-step', { step: c.step + 1, title: protocol.steps[c.step]?.title ?? '' }),
      COMPONENT_LIMITS.selectOptionText,
    ),
    default: data.chosen.has(c.id),
  }));
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: chooseSelect.encode(run.id, run.step),
          placeholder: t('step.choose.placeholder'),
          min_values: 0,
          max_values: options.length,
          options,
        },
      ],
    },
  ];
}

/**
 * The message for a step: live with its buttons while current, quiet once closed, finished or
 * stopped. It is the thread's, so `reader` is the server's, whoever's click redraws it.
 */
export function stepMessage(run: Run, protocol: Protocol, stepIndex: number, data: StepData, mode: StepMode, reader: Reader): ProtocolMessage {
  const live = mode === 'current' && isOpen(run) && stepIndex === run.step;
  const t = protocolsSayTo(reader);
  const read = localizeProtocol(protocol, reader);
  return {
    embeds: [stepEmbed(run, read, stepIndex, data, live ? 'current' : mode === 'current' ? 'closed' : mode, t)],
    components: live ? [...choiceMenu(run, read, data, t), ...controls(run, read, t)] : [],
  };
}
