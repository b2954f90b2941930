import { LabelBuilder, ModalBuilder, TextDisplayBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { MODAL_LIMITS, truncate } from '../../presentation/embed-fit.js';
import { REFLECTION_LIMIT } from '../completions.js';
import type { Course, Lesson } from '../course.js';
import { courseIds, REFLECTION_FIELD } from './custom-ids.js';

/**
 * The reflection form: the lesson's prompt above one paragraph box. Discord's client enforces the
 * length; the server checks it again, since a modified client need not.
 */
export function reflectionModal(course: Course, lesson: Lesson): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(courseIds.reflection.encode(course.id, lesson.id))
    .setTitle(truncate(`Reflect: ${lesson.title}`, MODAL_LIMITS.title))
    .addTextDisplayComponents(new TextDisplayBuilder().setContent(`**${lesson.reflection}**`))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Your reflection')
        .setDescription(`Up to ${REFLECTION_LIMIT.toLocaleString('en')} characters. It stays private unless you share it.`)
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(REFLECTION_FIELD)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMaxLength(REFLECTION_LIMIT)
            .setPlaceholder('What did you notice? What will you try next?'),
        ),
    );
}
