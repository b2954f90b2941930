import { addPodcast } from '../src/rituals/library.js';
import { libraryCommand } from '../src/rituals/library-command.js';

export default libraryCommand({
  kind: 'podcast',
  noun: 'episode',
  description: "The server's podcast-club episodes and prompts",
  formTitle: 'Add a podcast-club episode',
  fields: [
    { id: 'title', label: 'Episode title', required: true, maxLength: 200 },
    { id: 'show', label: 'Show', required: false, maxLength: 100 },
    { id: 'link', label: 'Link to the episode', required: false, maxLength: 500, placeholder: 'https://…' },
    { id: 'about', label: 'What to listen for (optional)', paragraph: true, required: false, maxLength: 1000 },
    { id: 'questions', label: '2 or 3 discussion questions, one per line', paragraph: true, required: true, maxLength: 920 },
  ],
  add: (services, guildId, userId, values) =>
    addPodcast(services, guildId, userId, { title: values.title ?? '', show: values.show ?? '', link: values.link ?? '', about: values.about ?? '', questions: values.questions ?? '' }),
  describe: (entry) => `#${entry.id} “${entry.title}”${entry.kind === 'podcast' && entry.show !== null ? ` (${entry.show})` : ''}`,
});
