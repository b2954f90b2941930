import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { replyPrivately } from '../../interactions/replies.js';
import { recordListen } from '../listens.js';
import { listenedButton } from './custom-ids.js';
import { orExplain } from './explain.js';
import { listenButtonRow } from './listen-view.js';

/** The podcast club's "I listened": counts the member once, and shows the count on the button. */
export const listenRoutes: readonly ComponentRoute[] = [
  defineComponent({
    kind: 'button',
    spec: listenedButton,
    scope: 'server',
    async run(interaction, [occurrenceId], ctx) {
      const listen = orExplain(await recordListen(ctx, occurrenceId, interaction.guildId, interaction.user.id));
      if (!listen.counted) {
        await replyPrivately(interaction, "You're already counted for this one. Thank you for listening! 🎧");
        return;
      }
      // One answer per click: the update is it, and a private follow-up thanks the member.
      await interaction.update({ components: [listenButtonRow(occurrenceId, listen.total)] });
      await replyPrivately(interaction, "Thank you for listening! You're counted. 🎧");
    },
  }),
];
