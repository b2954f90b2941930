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
import { INTRO_LIMITS, MEMBER_ROLES, introProblems, introSchema, type Intro } from '../intros.js';
import type { OnboardingOutcome } from '../problems.js';
import { stepToken, type OpenStep } from '../steps.js';
import type { TenetSet } from '../tenets.js';
import { FIELDS, introductionForm, reflectionForm, tenetsForm } from './custom-ids.js';
import type { OnboardingSays } from './messages.js';
import { roleName } from './walk-view.js';

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

/** The reflection form; `tenet` is as the member reads it (its name may be a translation). */
export function reflectionModal(guildId: string, userId: string, at: Extract<OpenStep, { kind: 'tenet' }>, tenet: Tenet, t: OnboardingSays): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(reflectionForm.encode(guildId, userId, stepToken(at)))
    .setTitle(t('reflection.title'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(t('reflection.label'))
        .setDescription(plainLabel(tenet.name))
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(FIELDS.reflection).setStyle(TextInputStyle.Short).setMinLength(1).setMaxLength(REFLECTION_MAX).setPlaceholder(t('reflection.placeholder')),
        ),
    );
}

/** The member's line, or null when it shows nothing (only blanks or zero-width characters). */
export function readReflection(interaction: ModalSubmitInteraction): string | null {
  const line = interaction.fields.getTextInputValue(FIELDS.reflection).trim().slice(0, REFLECTION_MAX);
  return hasVisibleText(line) ? line : null;
}

/** The introduction form; `reasons` are as the member reads them. */
export function introductionModal(guildId: string, userId: string, displayName: string, reasons: readonly JoinReason[], t: OnboardingSays): ModalBuilder {
  const roles = MEMBER_ROLES.map((role) => new StringSelectMenuOptionBuilder().setValue(role).setLabel(roleName(role, t)));
  const reasonOptions = reasons.map((reason) => new StringSelectMenuOptionBuilder().setValue(reason.id).setLabel(plainLabel(reason.text)));
  return new ModalBuilder()
    .setCustomId(introductionForm.encode(guildId, userId))
    .setTitle(t('intro-form.title'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(t('intro-form.name'))
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(FIELDS.name).setStyle(TextInputStyle.Short).setMaxLength(INTRO_LIMITS.name).setValue(displayName.slice(0, INTRO_LIMITS.name)),
        ),
      new LabelBuilder()
        .setLabel(t('intro-form.role'))
        .setStringSelectMenuComponent(new StringSelectMenuBuilder().setCustomId(FIELDS.role).setPlaceholder(t('intro-form.role-placeholder')).setMinValues(1).setMaxValues(1).addOptions(roles)),
      new LabelBuilder()
        .setLabel(t('intro-form.school-region'))
        .setDescription(t('intro-form.school-region-description'))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(FIELDS.schoolRegion)
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMaxLength(INTRO_LIMITS.schoolRegion)
            .setPlaceholder(t('intro-form.school-region-placeholder')),
        ),
      new LabelBuilder()
        .setLabel(t('intro-form.reasons'))
        .setDescription(t('intro-form.reasons-description'))
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder().setCustomId(FIELDS.reasons).setPlaceholder(t('intro-form.reasons-placeholder')).setMinValues(1).setMaxValues(reasonOptions.length).addOptions(reasonOptions),
        ),
      new LabelBuilder()
        .setLabel(t('intro-form.note'))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(FIELDS.note)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false)
            .setMaxLength(INTRO_LIMITS.note)
            .setPlaceholder(t('intro-form.note-placeholder')),
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
  return parsed.success ? succeed(parsed.data) : fail({ kind: 'introduction-invalid', problems: introProblems(parsed.error) });
}

export function tenetsModal(current: TenetSet, t: OnboardingSays): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(tenetsForm.encode(current.version)).setTitle(t('tenets-form.title'));
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
        .setLabel(t('tenets-form.label', { number: position }))
        .setDescription(position === 1 ? t('tenets-form.first') : t('tenets-form.other'))
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
