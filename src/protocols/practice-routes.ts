import { ComponentType } from 'discord.js';
import { UserFacingError } from '../interactions/errors.js';
import { defineComponent, type ComponentRoute } from '../interactions/handlers.js';
import { FIELD, practiseTopicModal } from './custom-ids.js';
import { topicForm } from './forms.js';
import { practiseProtocol } from './practice-link.js';
import { UNKNOWN_PROTOCOL } from './route-helpers.js';
import { assertCanStartHere, IN_A_SERVER, startProtocolHere } from './start-run.js';

/** A course lesson's "Practise" button: ask for the topic, then start the protocol in a thread. */

const practiseRoute = defineComponent({
  kind: 'button',
  spec: practiseProtocol,
  scope: 'anywhere',
  async run(interaction, [protocolId], ctx) {
    // Course lessons may be read in DMs or in a message only the reader sees; both end up here.
    if (!interaction.inGuild()) throw new UserFacingError(IN_A_SERVER);
    const protocol = ctx.content.protocols.get(protocolId);
    if (protocol === undefined) throw new UserFacingError(UNKNOWN_PROTOCOL);
    assertCanStartHere(interaction);
    await interaction.showModal(topicForm(protocol));
  },
});

const practiseTopicRoute = defineComponent({
  kind: 'modal',
  spec: practiseTopicModal,
  scope: 'anywhere',
  async run(interaction, [protocolId], ctx) {
    const protocol = ctx.content.protocols.get(protocolId);
    if (protocol === undefined) throw new UserFacingError(UNKNOWN_PROTOCOL);
    const topic = interaction.fields.fields.get(FIELD.topic)?.type === ComponentType.TextInput ? interaction.fields.getTextInputValue(FIELD.topic) : '';
    await startProtocolHere(interaction, ctx, protocol, topic);
  },
});

export const practiceRoutes: readonly ComponentRoute[] = [practiseRoute, practiseTopicRoute];
