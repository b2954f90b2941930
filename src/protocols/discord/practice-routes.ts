import { ComponentType } from 'discord.js';
import type { BotContext } from '../../context.js';
import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import type { Protocol } from '../protocol-content.js';
import { FIELD, practiseProtocol, practiseTopicModal } from './custom-ids.js';
import { memberAudience, type Audience } from './audience.js';
import { refuse } from './explain.js';
import { topicForm } from './forms.js';
import { assertCanStartHere, startProtocolHere } from './start-run.js';

/** A course lesson's "Practise" button: ask for the topic, then start the protocol in a thread. */

const protocolOf = (ctx: BotContext, protocolId: string, { t }: Audience): Protocol => ctx.content.protocols.get(protocolId) ?? refuse({ kind: 'protocol-gone' }, t);

const practiseRoute = defineComponent({
  kind: 'button',
  spec: practiseProtocol,
  scope: 'server',
  async run(interaction, [protocolId], ctx) {
    // Course lessons may be read in DMs too: the router answers a click there (scope 'server').
    const member = await memberAudience(interaction, ctx);
    const protocol = protocolOf(ctx, protocolId, member);
    assertCanStartHere(interaction, member.t);
    await interaction.showModal(topicForm(member.read(protocol), member.t));
  },
});

const practiseTopicRoute = defineComponent({
  kind: 'modal',
  spec: practiseTopicModal,
  scope: 'server',
  async run(interaction, [protocolId], ctx) {
    const protocol = protocolOf(ctx, protocolId, await memberAudience(interaction, ctx));
    const topic = interaction.fields.fields.get(FIELD.topic)?.type === ComponentType.TextInput ? interaction.fields.getTextInputValue(FIELD.topic) : '';
    await startProtocolHere(interaction, ctx, protocol, topic);
  },
});

export const practiceRoutes: readonly ComponentRoute[] = [practiseRoute, practiseTopicRoute];
