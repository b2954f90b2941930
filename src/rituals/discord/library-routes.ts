import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { readerOf } from '../../interactions/reader.js';
import { replyPrivately } from '../../interactions/replies.js';
import { ritualServices } from '../library.js';
import { addEntryForm } from './custom-ids.js';
import { orExplain } from './explain.js';
import { PODCASTS, POEMS, type LibrarySpec } from './libraries.js';
import { ritualMessages } from './messages.js';

/** The form `/<library> add` opens: its submission adds the entry. */
function addEntryRoute(spec: LibrarySpec): ComponentRoute {
  return defineComponent({
    kind: 'modal',
    spec: addEntryForm[spec.kind],
    scope: 'server',
    access: 'moderators',
    async run(interaction, _args, ctx) {
      const reader = await readerOf(interaction, ctx);
      const t = ritualMessages.for(reader);
      const values = Object.fromEntries(spec.fields.map((field) => [field.id, interaction.fields.getTextInputValue(field.id)]));
      const entry = orExplain(reader)(await spec.add(ritualServices(ctx), interaction.guildId, interaction.user.id, values));
      await replyPrivately(interaction, t('library.added', { entry: spec.describe(t, entry) }));
    },
  });
}

/** `poem:add`, the form of `/poem add`. */
export const poemRoutes: readonly ComponentRoute[] = [addEntryRoute(POEMS)];
/** `podcast:add`, the form of `/podcast add`. */
export const podcastRoutes: readonly ComponentRoute[] = [addEntryRoute(PODCASTS)];
