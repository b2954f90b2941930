import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
} from 'discord.js';
import { CONTRIBUTION_MAX_LENGTH, DUE_DATE_MAX_LENGTH } from '../contributions.js';
import { contributeModal, FIELD, practiseTopicModal } from './custom-ids.js';
import { MODAL_LIMITS, truncate } from '../../presentation/embed-fit.js';
import { TOPIC_MAX_LENGTH, TOPIC_MIN_LENGTH } from '../facilitation.js';
import type { Protocol } from '../protocol-content.js';

function textInput(customId: string, options: { paragraph: boolean; required: boolean; min?: number; max: number; placeholder?: string | undefined }): APITextInputComponent {
  return {
    type: ComponentType.TextInput,
    custom_id: customId,
    style: options.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: options.required,
    ...(options.min === undefined ? {} : { min_length: options.min }),
    max_length: options.max,
    ...(options.placeholder === undefined ? {} : { placeholder: options.placeholder }),
  };
}

function label(text: string, component: APILabelComponent['component'], description?: string): APILabelComponent {
  return { type: ComponentType.Label, label: truncate(text, MODAL_LIMITS.label), ...(description ? { description } : {}), component };
}

/** The form "Add" opens, shaped by what the step collects. */
export function contributionForm(protocol: Protocol, runId: number, stepIndex: number): APIModalInteractionResponseCallbackData {
  const step = protocol.steps[stepIndex];
  const collects = step?.collects;
  const title = truncate(`Step ${stepIndex + 1}: ${step?.title ?? protocol.title}`, MODAL_LIMITS.title);
  const customId = contributeModal.encode(runId, stepIndex);
  if (collects === undefined || collects.kind === 'actions') {
    return {
      custom_id: customId,
      title,
      components: [
        label('What will we do?', textInput(FIELD.text, { paragraph: true, required: true, max: CONTRIBUTION_MAX_LENGTH, placeholder: 'e.g. Start a Monday check-in in advisory' })),
        label('Who owns it?', { type: ComponentType.UserSelect, custom_id: FIELD.owner, min_values: 1, max_values: 1, required: true }, 'One person; they can recruit help.'),
        label('By when?', textInput(FIELD.due, { paragraph: false, required: false, max: DUE_DATE_MAX_LENGTH, placeholder: 'e.g. 2026-12-15 or 15 Dec' }), 'Leave it empty if there is no date yet.'),
      ],
    };
  }
  const text = label(collects.label, textInput(FIELD.text, { paragraph: true, required: true, min: 1, max: CONTRIBUTION_MAX_LENGTH, placeholder: collects.placeholder }));
  if (collects.kind !== 'causes') return { custom_id: customId, title, components: [text] };
  return {
    custom_id: customId,
    title,
    components: [
      label('Which bone does it belong on?', {
        type: ComponentType.StringSelect,
        custom_id: FIELD.category,
        min_values: 1,
        max_values: 1,
        required: true,
        options: collects.categories.map((category) => ({ label: category, value: category })),
      }),
      text,
    ],
  };
}

/** After a course lesson's "practise" button: what problem will the group work on? */
export function topicForm(protocol: Protocol): APIModalInteractionResponseCallbackData {
  return {
    custom_id: practiseTopicModal.encode(protocol.id),
    title: truncate(`Start ${protocol.title}`, MODAL_LIMITS.title),
    components: [
      label(
        'What problem will your team work on?',
        textInput(FIELD.topic, { paragraph: true, required: true, min: TOPIC_MIN_LENGTH, max: TOPIC_MAX_LENGTH, placeholder: 'e.g. Ninth graders miss more school on Mondays' }),
        'It names the thread where the team will meet.',
      ),
    ],
  };
}
