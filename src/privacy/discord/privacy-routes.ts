import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { UserFacingError } from '../../interactions/errors.js';
import { forgetMember } from '../member-data.js';
import { privacyIds } from './custom-ids.js';

/** The answers to `/privacy forget`. The router has checked each button is on the prompt clicked. */
export const privacyRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: privacyIds.forget,
    scope: 'server',
    async run(interaction, [userId], ctx) {
      if (interaction.user.id !== userId) throw new UserFacingError('This button belongs to someone else.');
      const removed = await forgetMember(ctx.db, ctx.privacy, interaction.guildId, userId);
      const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
      await interaction.update({
        content: total === 0 ? 'Done. I had nothing stored about you here.' : `Done. I deleted ${total} record${total === 1 ? '' : 's'} about you in this server.`,
        components: [],
      });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: privacyIds.keep,
    scope: 'anywhere',
    async run(interaction) {
      await interaction.update({ content: 'Nothing changed; your data stays as it was.', components: [] });
    },
  }),
];
