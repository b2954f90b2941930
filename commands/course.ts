import { ChannelType, InteractionContextType, SlashCommandBuilder, type SlashCommandStringOption, type SlashCommandSubcommandBuilder } from 'discord.js';
import { autocompleteCourseOptions } from '../src/courses/discord/course-autocomplete.js';
import {
  completeLessonCommand,
  dropCourse,
  enrollInCourse,
  importCourse,
  listCourses,
  nudgeIdleMembers,
  reportCourse,
  retireCourseCommand,
  setChannel,
  showLesson,
  showProgress,
} from '../src/courses/discord/course-command.js';
import { courseCommandLocalizations } from '../src/courses/discord/command-localizations.js';
import { courseRoutes } from '../src/courses/discord/course-routes.js';
import { IDLE_DAYS } from '../src/courses/report.js';
import { defineCommand } from '../src/interactions/handlers.js';

const courseOption = (required: boolean, description: string) => (option: SlashCommandStringOption) =>
  option.setName('course').setDescription(description).setRequired(required).setAutocomplete(true).setMaxLength(100);

const lessonOption = (description: string) => (option: SlashCommandStringOption) =>
  option.setName('lesson').setDescription(description).setAutocomplete(true).setMaxLength(100);

const sub = (name: string, description: string, build: (s: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder = (s) => s) =>
  (s: SlashCommandSubcommandBuilder) => build(s.setName(name).setDescription(description));

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('course')
    .setDescription('Take the community’s courses at your own pace; I keep your place')
    .setContexts(InteractionContextType.Guild)
    .addSubcommand(sub('list', 'See the courses you can take here'))
    .addSubcommand(sub('enroll', 'Join a course and see where to begin', (s) => s.addStringOption(courseOption(true, 'The course to join'))))
    .addSubcommand(
      sub('lesson', 'Open your next lesson, or one you choose', (s) =>
        s.addStringOption(courseOption(false, 'Which course (needed if you are in several)')).addStringOption(lessonOption('A lesson to open; your next one if empty')),
      ),
    )
    .addSubcommand(
      sub('complete', 'Mark a lesson complete with a short reflection', (s) =>
        s.addStringOption(courseOption(false, 'Which course (needed if you are in several)')).addStringOption(lessonOption('The lesson you finished; your next one if empty')),
      ),
    )
    .addSubcommand(sub('progress', 'See how far you are in each of your courses'))
    .addSubcommand(sub('drop', 'Leave a course (your progress is kept if you come back)', (s) => s.addStringOption(courseOption(true, 'The course to leave'))))
    .addSubcommand(
      sub('import', 'Moderators: add or update a course from a .json file', (s) =>
        s.addAttachmentOption((o) => o.setName('file').setDescription('The course file (.json)').setRequired(true)),
      ),
    )
    .addSubcommand(sub('retire', 'Moderators: close a course to new members', (s) => s.addStringOption(courseOption(true, 'The course to retire'))))
    .addSubcommand(
      sub('report', 'Moderators: everyone’s progress in a course, as a CSV file', (s) =>
        s
          .addStringOption(courseOption(true, 'The course to report on'))
          .addIntegerOption((o) => o.setName('idle_days').setDescription('Count members as idle after this many days (14 if empty)').setMinValue(IDLE_DAYS.min).setMaxValue(IDLE_DAYS.max)),
      ),
    )
    .addSubcommand(
      sub('nudge', 'Moderators: send a gentle DM to members idle in a course', (s) =>
        s
          .addIntegerOption((o) => o.setName('days').setDescription('Nudge members idle for more than this many days').setRequired(true).setMinValue(1).setMaxValue(365))
          .addStringOption(courseOption(false, 'Only this course (all courses if empty)')),
      ),
    )
    .addSubcommand(
      sub('channel', 'Moderators: choose where shared reflections on a course appear', (s) =>
        s
          .addStringOption(courseOption(true, 'The course'))
          .addChannelOption((o) => o.setName('channel').setDescription('A text channel').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)),
      ),
    ),
  localizations: courseCommandLocalizations,
  subcommands: {
    list: { access: 'everyone', scope: 'server', run: listCourses },
    enroll: { access: 'everyone', scope: 'server', run: enrollInCourse },
    lesson: { access: 'everyone', scope: 'server', run: showLesson },
    complete: { access: 'everyone', scope: 'server', run: completeLessonCommand },
    progress: { access: 'everyone', scope: 'server', run: showProgress },
    drop: { access: 'everyone', scope: 'server', run: dropCourse },
    import: { access: 'moderators', scope: 'server', run: importCourse },
    retire: { access: 'moderators', scope: 'server', run: retireCourseCommand },
    report: { access: 'moderators', scope: 'server', run: reportCourse },
    nudge: { access: 'moderators', scope: 'server', run: nudgeIdleMembers },
    channel: { access: 'moderators', scope: 'server', run: setChannel },
  },
  autocomplete: { scope: 'server', run: autocompleteCourseOptions },
  components: courseRoutes,
});
