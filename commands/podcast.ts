import { defineCommand } from '../src/interactions/handlers.js';
import { libraryLocalizations } from '../src/rituals/discord/command-localizations.js';
import { libraryCommandData, libraryHandlers } from '../src/rituals/discord/library-command.js';
import { PODCASTS } from '../src/rituals/discord/libraries.js';
import { podcastRoutes } from '../src/rituals/discord/library-routes.js';

const podcast = libraryHandlers(PODCASTS);

export default defineCommand({
  data: libraryCommandData(PODCASTS),
  localizations: libraryLocalizations(PODCASTS),
  subcommands: {
    add: { access: 'moderators', scope: 'server', run: podcast.add },
    list: { access: 'moderators', scope: 'server', run: podcast.list },
    remove: { access: 'moderators', scope: 'server', run: podcast.remove },
  },
  autocomplete: { scope: 'server', run: podcast.autocomplete },
  components: podcastRoutes,
});
