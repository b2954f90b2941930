import { LabelBuilder, ModalBuilder, TextDisplayBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { MODAL_LIMITS, truncate } from '../../presentation/embed-fit.js';
import { REFLECTION_LIMIT } from '../completions.js';
import type { Lesson } from '../course.js';
import { courseIds, REFLECTION_FIELD } from './custom-ids.js';
import type { CourseTranslate } from './voice.js';

/**
 * The reflection form: the lesson's prompt (as the member reads it) above one paragraph box.
 * Discord's client enforces the length; the server checks it again, since a modified client need not.
 */
export function reflectionModal(t: CourseTranslate, courseId: string, lesson: Lesson): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(courseIds.reflection.encode(courseId, lesson.id))
    .setTitle(truncate(t('modal.title', { lesson: lesson.title }), MODAL_LIMITS.title))
    .addTextDisplayComponents(new TextDisplayBuilder().setContent(`**${lesson.reflection}**`))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(t('modal.label'))
        .setDescription(t('modal.description', { limit: REFLECTION_LIMIT }))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(REFLECTION_FIELD)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMaxLength(REFLECTION_LIMIT)
            .setPlaceholder(t('modal.placeholder')),
        ),
    );
}
