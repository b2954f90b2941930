import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { UserFacingError } from '../../interactions/errors.js';
import { readerOf } from '../../interactions/reader.js';
import { forgetMember } from '../member-data.js';
import { privacyIds } from './custom-ids.js';
import { privacyMessages } from './messages.js';

/** The answers to `/privacy forget`. The router has checked each button is on the prompt clicked. */
export const privacyRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: privacyIds.forget,
    scope: 'server',
    async run(interaction, [userId], ctx) {
      const t = privacyMessages.for(await readerOf(interaction, ctx));
      if (interaction.user.id !== userId) throw new UserFacingError(t('forget.not-yours'));
      const removed = await forgetMember(ctx.db, ctx.privacy, interaction.guildId, userId);
      const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
      await interaction.update({
        content: total === 0 ? t('forget.done-nothing') : t('forget.done', { count: total }),
        components: [],
      });
    },
  }),
  defineComponent({
    kind: 'button',
    spec: privacyIds.keep,
    scope: 'anywhere',
    async run(interaction, _args, ctx) {
      const t = privacyMessages.for(await readerOf(interaction, ctx));
      await interaction.update({ content: t('forget.kept'), components: [] });
    },
  }),
];
