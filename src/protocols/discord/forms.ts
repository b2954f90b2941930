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
import type { ReadProtocol } from '../protocol-content.js';
import type { ProtocolsSay } from './messages.js';

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

/**
 * The form "Add" opens, shaped by what the step collects, in the words of the member who opened it.
 * A cause's bone is offered in their words and sent back as the stored (English) category.
 */
export function contributionForm(protocol: ReadProtocol, runId: number, stepIndex: number, t: ProtocolsSay): APIModalInteractionResponseCallbackData {
  const step = protocol.steps[stepIndex];
  const collects = step?.collects;
  const title = truncate(t('form.step-title', { number: stepIndex + 1, title: step?.title ?? protocol.title }), MODAL_LIMITS.title);
  const customId = contributeModal.encode(runId, stepIndex);
  if (collects === undefined || collects.kind === 'actions') {
    return {
      custom_id: customId,
      title,
      components: [
        label(t('form.action.what'), textInput(FIELD.text, { paragraph: true, required: true, max: CONTRIBUTION_MAX_LENGTH, placeholder: t('form.action.what-placeholder') })),
        label(t('form.action.owner'), { type: ComponentType.UserSelect, custom_id: FIELD.owner, min_values: 1, max_values: 1, required: true }, t('form.action.owner-description')),
        label(
          t('form.action.due'),
          textInput(FIELD.due, { paragraph: false, required: false, max: DUE_DATE_MAX_LENGTH, placeholder: t('form.action.due-placeholder') }),
          t('form.action.due-description'),
        ),
      ],
    };
  }
  const text = label(collects.label, textInput(FIELD.text, { paragraph: true, required: true, min: 1, max: CONTRIBUTION_MAX_LENGTH, placeholder: collects.placeholder }));
  if (collects.kind !== 'causes') return { custom_id: customId, title, components: [text] };
  return {
    custom_id: customId,
    title,
    components: [
      label(t('form.bone'), {
        type: ComponentType.StringSelect,
        custom_id: FIELD.category,
        min_values: 1,
        max_values: 1,
        required: true,
        options: collects.categories.map((category) => ({ label: protocol.categoryName(category), value: category })),
      }),
      text,
    ],
  };
}

/** After a course lesson's "practise" button: what problem will the group work on? */
export function topicForm(protocol: ReadProtocol, t: ProtocolsSay): APIModalInteractionResponseCallbackData {
  return {
    custom_id: practiseTopicModal.encode(protocol.id),
    title: truncate(t('form.start-title', { protocol: protocol.title }), MODAL_LIMITS.title),
    components: [
      label(
        t('form.topic'),
        textInput(FIELD.topic, { paragraph: true, required: true, min: TOPIC_MIN_LENGTH, max: TOPIC_MAX_LENGTH, placeholder: t('form.topic-placeholder') }),
        t('form.topic-description'),
      ),
    ],
  };
}
