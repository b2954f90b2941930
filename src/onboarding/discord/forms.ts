import {
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import { fail, succeed } from '../../outcome.js';
import { TENET_LIMITS, type JoinReason, type Tenet } from '../content.js';
import { hasVisibleText } from '../../text.js';
import { asLine, tenetsFromLines } from '../tenet-lines.js';
import { INTRO_LABELS, INTRO_LIMITS, MEMBER_ROLES, introSchema, type Intro } from '../intros.js';
import type { OnboardingOutcome } from '../problems.js';
import { stepToken, type OpenStep } from '../steps.js';
import type { TenetSet } from '../tenets.js';
import { FIELDS, introductionForm, reflectionForm, tenetsForm } from './custom-ids.js';

/**
 * The walk's forms (Discord modals) and how their answers are read back. Each field sits in a
 * Label, the layout Discord recommends, which also lets the introduction offer menus for the role
 * and the reasons for joining.
 */

export const REFLECTION_MAX = 200;

/**
 * Discord shows a form's title, labels, descriptions, placeholders and menu options as plain text:
 * Markdown in a name (a tenet, a reason) would show as raw asterisks, so its markers are dropped.
 */
export const plainLabel = (text: string): string => text.replace(/\s+/g, ' ').replace(/[*_~`|#>]+/g, '').replace(/\s+/g, ' ').trim();

export function reflectionModal(guildId: string, userId: string, at: Extract<OpenStep, { kind: 'tenet' }>, tenet: Tenet): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(reflectionForm.encode(guildId, userId, stepToken(at)))
    .setTitle('A line of reflection')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('What does this tenet mean to you?')
        .setDescription(plainLabel(tenet.name))
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(FIELDS.reflection).setStyle(TextInputStyle.Short).setMinLength(1).setMaxLength(REFLECTION_MAX).setPlaceholder('One line is plenty.'),
        ),
    );
}

/** The member's line, or null when it shows nothing (only blanks or zero-width characters). */
export function readReflection(interaction: ModalSubmitInteraction): string | null {
  const line = interaction.fields.getTextInputValue(FIELDS.reflection).trim().slice(0, REFLECTION_MAX);
  return hasVisibleText(line) ? line : null;
}

export function introductionModal(guildId: string, userId: string, displayName: string, reasons: readonly JoinReason[]): ModalBuilder {
  const roles = Object.entries(MEMBER_ROLES).map(([value, label]) => new StringSelectMenuOptionBuilder().setValue(value).setLabel(label));
  const reasonOptions = reasons.map((reason) => new StringSelectMenuOptionBuilder().setValue(reason.id).setLabel(plainLabel(reason.text)));
  return new ModalBuilder()
    .setCustomId(introductionForm.encode(guildId, userId))
    .setTitle('Introduce yourself')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(INTRO_LABELS.name)
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(FIELDS.name).setStyle(TextInputStyle.Short).setMaxLength(INTRO_LIMITS.name).setValue(displayName.slice(0, INTRO_LIMITS.name)),
        ),
      new LabelBuilder()
        .setLabel('Your role')
        .setStringSelectMenuComponent(new StringSelectMenuBuilder().setCustomId(FIELDS.role).setPlaceholder('Pick the one that fits best').setMinValues(1).setMaxValues(1).addOptions(roles)),
      new LabelBuilder()
        .setLabel(INTRO_LABELS.schoolRegion)
        .setDescription("Only if you'd like to share it.")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(FIELDS.schoolRegion)
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMaxLength(INTRO_LIMITS.schoolRegion)
            .setPlaceholder('e.g. Lincoln Middle School, Ohio'),
        ),
      new LabelBuilder()
        .setLabel('Why did you join?')
        .setDescription('Pick any that fit.')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder().setCustomId(FIELDS.reasons).setPlaceholder('You may want to join if…').setMinValues(1).setMaxValues(reasonOptions.length).addOptions(reasonOptions),
        ),
      new LabelBuilder()
        .setLabel(INTRO_LABELS.note)
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(FIELDS.note)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false)
            .setMaxLength(INTRO_LIMITS.note)
            .setPlaceholder('What you teach, a question you are exploring, a hobby…'),
        ),
    );
}

export function readIntroduction(interaction: ModalSubmitInteraction, reasons: readonly JoinReason[]): OnboardingOutcome<Intro> {
  const { fields } = interaction;
  const parsed = introSchema(reasons).safeParse({
    name: fields.getTextInputValue(FIELDS.name),
    role: fields.getStringSelectValues(FIELDS.role),
    schoolRegion: fields.getTextInputValue(FIELDS.schoolRegion),
    reasons: fields.getStringSelectValues(FIELDS.reasons),
    note: fields.getTextInputValue(FIELDS.note),
  });
  return parsed.success ? succeed(parsed.data) : fail({ kind: 'introduction-invalid', problems: parsed.error.issues.map((issue) => issue.message) });
}

export function tenetsModal(current: TenetSet): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(tenetsForm.encode(current.version)).setTitle('Edit the tenets');
  for (let position = 1; position <= TENET_LIMITS.count; position += 1) {
    const tenet = current.tenets[position - 1];
    const input = new TextInputBuilder()
      .setCustomId(FIELDS.tenet(position))
      .setStyle(TextInputStyle.Paragraph)
      .setRequired(position === 1)
      .setMaxLength(TENET_LIMITS.name + 2 + TENET_LIMITS.text);
    if (tenet) input.setValue(asLine(tenet));
    modal.addLabelComponents(
      new LabelBuilder()
        .setLabel(`Tenet ${position}`)
        .setDescription(position === 1 ? 'A name, a colon, then its words.' : 'A name, a colon, then its words. Leave empty for none.')
        .setTextInputComponent(input),
    );
  }
  return modal;
}

/** Reads the boxes back into tenets, checked by the same rules as the shipped file. */
export function readTenets(interaction: ModalSubmitInteraction): OnboardingOutcome<Tenet[]> {
  const lines = Array.from({ length: TENET_LIMITS.count }, (_, index) => interaction.fields.getTextInputValue(FIELDS.tenet(index + 1)));
  return tenetsFromLines(lines);
}
