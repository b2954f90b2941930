import { ComponentType, type ModalSubmitInteraction } from 'discord.js';
import { z } from 'zod';
import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { arg } from '../../interactions/custom-id.js';
import { addToStep, chooseContributions, contributableRunAt } from '../contributions.js';
import { runWithProtocol } from '../run-guards.js';
import { actorOf, placeOf, redrawCurrentStep } from './acting.js';
import { addButton, chooseSelect, contributeModal, FIELD } from './custom-ids.js';
import { memberAudience } from './audience.js';
import { orExplain, refuse } from './explain.js';
import { contributionForm } from './forms.js';

/** Members adding to a step (Add, then its form), and the facilitator's menu of what was chosen. */

const addRoute = defineComponent({
  kind: 'button',
  spec: addButton,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    // A form must be the first answer, so the checks are quick reads and the form opens right away.
    const { t, read } = await memberAudience(interaction, ctx);
    const open = orExplain(await contributableRunAt(ctx, runId, step, placeOf(interaction)), t);
    const protocol = ctx.content.protocols.get(open.protocolId) ?? refuse({ kind: 'protocol-gone' }, t);
    await interaction.showModal(contributionForm(read(protocol), runId, step, t));
  },
});

/** What came back in the form; fields a client left out read as empty. */
const Submission = z.object({
  text: z.string(),
  category: z.string().nullable(),
  ownerId: arg.snowflake.nullable(),
  due: z.string(),
});

function readSubmission(interaction: ModalSubmitInteraction): z.output<typeof Submission> {
  const { fields } = interaction.fields;
  const text = (id: string) => (fields.get(id)?.type === ComponentType.TextInput ? interaction.fields.getTextInputValue(id) : '');
  const category = fields.get(FIELD.category)?.type === ComponentType.StringSelect ? (interaction.fields.getStringSelectValues(FIELD.category)[0] ?? null) : null;
  const owner = fields.get(FIELD.owner)?.type === ComponentType.UserSelect ? (interaction.fields.getSelectedUsers(FIELD.owner)?.first()?.id ?? null) : null;
  return Submission.parse({ text: text(FIELD.text), category, ownerId: owner, due: text(FIELD.due) });
}

const contributeRoute = defineComponent({
  kind: 'modal',
  spec: contributeModal,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    // Our forms open from a step message's Add button; the answer redraws that message. The write
    // is quick, so it comes first: a problem is then the member's only answer.
    const { t } = await memberAudience(interaction, ctx);
    if (!interaction.isFromMessage()) refuse({ kind: 'add-from-step' }, t);
    const submitted = readSubmission(interaction);
    orExplain(
      await addToStep(ctx, ctx.content.protocols, {
        runId,
        step,
        authorId: interaction.user.id,
        where: placeOf(interaction),
        text: submitted.text,
        category: submitted.category,
        // A client that can't show the member picker leaves it out: the person adding owns it.
        ownerId: submitted.ownerId,
        due: submitted.due,
      }),
      t,
    );
    await redrawCurrentStep(interaction, ctx, runId);
  },
});

const chooseRoute = defineComponent({
  kind: 'select',
  spec: chooseSelect,
  scope: 'server',
  async run(interaction, [runId, step], ctx) {
    const { t } = await memberAudience(interaction, ctx);
    const { protocol } = orExplain(await runWithProtocol(ctx.db, ctx.content.protocols, runId, placeOf(interaction)), t);
    const offered = interaction.component.options.map((option) => Number(option.value));
    const selected = interaction.values.map(Number);
    orExplain(await chooseContributions(ctx, protocol, { runId, step, actor: actorOf(interaction), offered, selected }), t);
    await redrawCurrentStep(interaction, ctx, runId);
  },
});

export const addingRoutes: readonly ComponentRoute[] = [addRoute, contributeRoute, chooseRoute];
