import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { deleteSchedule } from '../schedules.js';
import { confirmDelete, keepRitual } from './custom-ids.js';
import { orExplain } from './explain.js';

/** The buttons of `/ritual delete`'s confirmation. */
export const ritualRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: confirmDelete,
    scope: 'server',
    access: 'moderators',
    async run(interaction, [id], ctx) {
      const deleted = orExplain(await deleteSchedule(ctx.db, interaction.guildId, id));
      await interaction.update({ content: `Deleted ritual #${deleted.id}. Its past posts stay in <#${deleted.channelId}>.`, components: [] });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: keepRitual,
    scope: 'anywhere',
    access: 'moderators',
    async run(interaction) {
      await interaction.update({ content: 'Kept it; nothing changed.', components: [] });
    },
  }),
];
