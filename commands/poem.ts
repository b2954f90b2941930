import { addPoem } from '../src/rituals/library.js';
import { libraryCommand } from '../src/rituals/library-command.js';

export default libraryCommand({
  kind: 'poem',
  noun: 'poem',
  description: "The server's poems for the poetry ritual",
  formTitle: 'Add a poem',
  fields: [
    { id: 'title', label: 'Title', required: true, maxLength: 200 },
    { id: 'author', label: 'Poet', required: true, maxLength: 100 },
    { id: 'year', label: 'Year first published', required: false, maxLength: 4, placeholder: '1891' },
    { id: 'source', label: 'Where it was first published', required: false, maxLength: 300, placeholder: 'Please only add poems in the public domain or shared with permission' },
    { id: 'text', label: 'The poem', paragraph: true, required: true, maxLength: 3800 },
  ],
  add: (services, guildId, userId, values) =>
    addPoem(services, guildId, userId, { title: values.title ?? '', author: values.author ?? '', year: values.year ?? '', source: values.source ?? '', text: values.text ?? '', questions: '' }),
  describe: (entry) => `#${entry.id} “${entry.title}”${entry.kind === 'poem' ? ` by ${entry.author}${entry.year === null ? '' : ` (${entry.year})`}` : ''}`,
});
