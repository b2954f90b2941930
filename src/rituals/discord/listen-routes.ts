import { serverReader } from '../../guilds/server-language.js';
import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { readerOf } from '../../interactions/reader.js';
import { replyPrivately } from '../../interactions/replies.js';
import { recordListen } from '../listens.js';
import { listenedButton } from './custom-ids.js';
import { orExplain } from './explain.js';
import { listenButtonRow } from './listen-view.js';
import { ritualMessages } from './messages.js';

/** The podcast club's "I listened": counts the member once, and shows the count on the button. */
export const listenRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: listenedButton,
    scope: 'server',
    async run(interaction, [occurrenceId], ctx) {
      const reader = await readerOf(interaction, ctx);
      const t = ritualMessages.for(reader);
      const listen = orExplain(reader)(await recordListen(ctx, occurrenceId, interaction.guildId, interaction.user.id));
      if (!listen.counted) {
        await replyPrivately(interaction, t('listen.already'));
        return;
      }
      // One answer per click: the update is it, and a private follow-up thanks the member. The
      // button is on the public post, so it keeps the server's language.
      const everyone = ritualMessages.for(await serverReader(ctx.db, interaction.guildId, interaction.guild?.preferredLocale));
      await interaction.update({ components: [listenButtonRow(everyone, occurrenceId, listen.total)] });
      await replyPrivately(interaction, t('listen.thanks'));
    },
  }),
];
