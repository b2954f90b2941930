import { defineCommand } from '../src/interactions/handlers.js';
import { libraryLocalizations } from '../src/rituals/discord/command-localizations.js';
import { libraryCommandData, libraryHandlers } from '../src/rituals/discord/library-command.js';
import { POEMS } from '../src/rituals/discord/libraries.js';
import { poemRoutes } from '../src/rituals/discord/library-routes.js';

const poem = libraryHandlers(POEMS);

export default defineCommand({
  data: libraryCommandData(POEMS),
  localizations: libraryLocalizations(POEMS),
  subcommands: {
    add: { access: 'moderators', scope: 'server', run: poem.add },
    list: { access: 'moderators', scope: 'server', run: poem.list },
    remove: { access: 'moderators', scope: 'server', run: poem.remove },
  },
  autocomplete: { scope: 'server', run: poem.autocomplete },
  components: poemRoutes,
});
