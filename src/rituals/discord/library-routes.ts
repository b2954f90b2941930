import { defineComponent, type ComponentRoute } from '../../interactions/handlers.js';
import { replyPrivately } from '../../interactions/replies.js';
import { ritualServices } from '../library.js';
import { addEntryForm } from './custom-ids.js';
import { orExplain } from './explain.js';
import { PODCASTS, POEMS, type LibrarySpec } from './libraries.js';

/** The form `/<library> add` opens: its submission adds the entry. */
function addEntryRoute(spec: LibrarySpec): ComponentRoute {
  return defineComponent({
    kind: 'modal',
    spec: addEntryForm[spec.kind],
    scope: 'server',
    access: 'moderators',
    async run(interaction, _args, ctx) {
      const values = Object.fromEntries(spec.fields.map((field) => [field.id, interaction.fields.getTextInputValue(field.id)]));
      const entry = orExplain(await spec.add(ritualServices(ctx), interaction.guildId, interaction.user.id, values));
      await replyPrivately(interaction, `Added ${spec.describe(entry)} to this server's library. It joins the rotation.`);
    },
  });
}

/** `poem:add`, the form of `/poem add`. */
export const poemRoutes: readonly ComponentRoute[] = [addEntryRoute(POEMS)];
/** `podcast:add`, the form of `/podcast add`. */
export const podcastRoutes: readonly ComponentRoute[] = [addEntryRoute(PODCASTS)];
