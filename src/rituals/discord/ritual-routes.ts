import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { readerOf } from '../../interactions/reader.js';
import { deleteSchedule } from '../schedules.js';
import { confirmDelete, keepRitual } from './custom-ids.js';
import { orExplain } from './explain.js';
import { ritualMessages } from './messages.js';

/** The buttons of `/ritual delete`'s confirmation. */
export const ritualRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: confirmDelete,
    scope: 'server',
    access: 'moderators',
    async run(interaction, [id], ctx) {
      const reader = await readerOf(interaction, ctx);
      const deleted = orExplain(reader)(await deleteSchedule(ctx.db, interaction.guildId, id));
      const t = ritualMessages.for(reader);
      await interaction.update({ content: t('delete.done', { id: String(deleted.id), channel: deleted.channelId }), components: [] });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: keepRitual,
    scope: 'anywhere',
    access: 'moderators',
    async run(interaction, _args, ctx) {
      const t = ritualMessages.for(await readerOf(interaction, ctx));
      await interaction.update({ content: t('delete.kept'), components: [] });
    },
  }),
];
