import { ComponentType, type ModalSubmitInteraction } from 'discord.js';
import { z } from 'zod';
import { UserFacingError } from '../interactions/errors.js';
import { defineComponent, type ComponentRoute } from '../interactions/handlers.js';
import { addToStep, chooseContributions, contributableRunAt } from './contributions.js';
import { addButton, chooseSelect, contributeModal, FIELD } from './custom-ids.js';
import { contributionForm } from './forms.js';
import { actorOf, ioOf, orTell, redrawFor, runWithProtocol, UNKNOWN_PROTOCOL } from './route-helpers.js';
import { showCurrentStep } from './thread-messages.js';

/** Members adding to a step (Add, then its form), and the facilitator's menu of what was chosen. */

const ADD_FROM_STEP = 'Please press **Add** on the step message in the thread to contribute.';

const addRoute = defineComponent({
  kind: 'button',
  spec: addButton,
  scope: 'anywhere',
  async run(interaction, [runId, step], ctx) {
    // A form must be the first answer, so the check is a quick read and the form opens right away.
    const open = await orTell(interaction, await contributableRunAt(ctx, runId, step));
    if (open === undefined) return;
    const protocol = ctx.content.protocols.get(open.protocolId);
    if (protocol === undefined) throw new UserFacingError(UNKNOWN_PROTOCOL);
    await interaction.showModal(contributionForm(protocol, runId, step));
  },
});

/** What came back in the form; fields a client left out read as empty. */
const Submission = z.object({
  text: z.string(),
  category: z.string().nullable(),
  ownerId: z.string().regex(/^\d+$/).nullable(),
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
  scope: 'anywhere',
  async run(interaction, [runId, step], ctx) {
    // Our forms open from a step message's Add button; the answer redraws that message. The write
    // is quick, so it comes first: a problem is then the member's only answer.
    if (!interaction.isFromMessage()) throw new UserFacingError(ADD_FROM_STEP);
    const submitted = readSubmission(interaction);
    const added = await addToStep(ctx, ctx.content.protocols, {
      runId,
      step,
      authorId: interaction.user.id,
      text: submitted.text,
      category: submitted.category,
      // A client that can't show the member picker leaves it out: the person adding owns it.
      ownerId: submitted.ownerId,
      due: submitted.due,
    });
    if ((await orTell(interaction, added)) === undefined) return;
    await redrawFor(interaction, runId, (answer) => showCurrentStep(ioOf(interaction, ctx), runId, answer));
  },
});

const chooseRoute = defineComponent({
  kind: 'select',
  spec: chooseSelect,
  scope: 'anywhere',
  async run(interaction, [runId, step], ctx) {
    const found = await orTell(interaction, await runWithProtocol(ctx, runId));
    if (found === undefined) return;
    const offered = interaction.component.options.map((option) => Number(option.value));
    const selected = interaction.values.map(Number);
    const chosen = await orTell(interaction, await chooseContributions(ctx, found.protocol, { runId, step, actor: actorOf(interaction), offered, selected }));
    if (chosen === undefined) return;
    await redrawFor(interaction, runId, (answer) => showCurrentStep(ioOf(interaction, ctx), runId, answer));
  },
});

export const addingRoutes: readonly ComponentRoute[] = [addRoute, contributeRoute, chooseRoute];
