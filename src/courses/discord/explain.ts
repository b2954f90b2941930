import { formatProblem } from '../../content/load.js';
import { truncate } from '../../presentation/embed-fit.js';
import { unwrapWith } from '../../outcome.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { CourseProblem, ImportProblem } from '../problems.js';
import { discordDate, unitOf } from './format.js';

/** What the member (or moderator) reads when a course action can't go ahead. Each says what to do next. */
export function explainCourseProblem(problem: CourseProblem): string {
  switch (problem.kind) {
    case 'unknown-course':
      return `I couldn't find a course called "${inlineText(truncate(problem.query, 80))}". \`/course list\` shows the courses here.`;
    case 'no-courses':
      return "You haven't joined a course yet. `/course list` shows what's on offer, and `/course enroll` gets you started.";
    case 'which-course':
      return `You're in ${problem.courses.length} courses (${problem.courses.map((course) => `**${inlineText(course.title)}**`).join(', ')}). Please pick one in the \`course\` option.`;
    case 'unknown-lesson':
      return `**${inlineText(problem.course.title)}** has no ${unitOf(problem.course)} called "${inlineText(truncate(problem.query, 80))}". Start typing in the \`lesson\` option and I'll suggest them.`;
    case 'retired':
      return `**${inlineText(problem.course.title)}** isn't taking new members anymore. \`/course list\` shows the courses that are open.`;
    case 'already-retired':
      return `**${inlineText(problem.course.title)}** is already retired.`;
    case 'already-enrolled':
      return `You're already in **${inlineText(problem.course.title)}**. \`/course lesson\` picks up where you left off.`;
    case 'not-enrolled':
      return `You haven't joined **${inlineText(problem.course.title)}** yet. \`/course enroll\` gets you started.`;
    case 'already-completed':
      return `You already completed **${inlineText(problem.lesson.title)}** on ${discordDate(problem.completedAt)}. Nice work! \`/course lesson\` shows what's next.`;
    case 'out-of-order':
      return `**${inlineText(problem.course.title)}** is taken in order, so **${inlineText(problem.first.title)}** comes before **${inlineText(problem.lesson.title)}**. \`/course lesson\` opens it for you.`;
    case 'course-finished':
      return `You've already completed every ${unitOf(problem.course)} of **${inlineText(problem.course.title)}** 🎉 To revisit one, open it with \`/course lesson\`.`;
    case 'reflection-empty':
      return 'Your reflection looks empty. Write a line or two about what you noticed, then try again.';
    case 'reflection-too-long': {
      const limit = problem.limit.toLocaleString('en');
      // "A little over" only when it is: a quarter of the limit or less.
      const over = problem.length - problem.limit <= problem.limit / 4 ? `a little over the ${limit} I can keep` : `and I can keep up to ${limit}`;
      return `That reflection is ${problem.length.toLocaleString('en')} characters, ${over}. Could you shorten it and send it again? Nothing was saved yet.`;
    }
    case 'no-reflection':
      return `I don't have a reflection from you on **${inlineText(problem.lesson.title)}**, so there's nothing to share yet.`;
    case 'already-shared':
      return `Your reflection on **${inlineText(problem.lesson.title)}** is already shared.`;
    default:
      return explainImportProblem(problem);
  }
}

/** The one way course handlers unwrap an outcome: `orExplain(await enrol(...))`. */
export const orExplain = unwrapWith(explainCourseProblem);

/** Discord messages hold 2,000 characters; the list of problems gets what the words around it leave. */
const PROBLEM_LIST_BUDGET = 1500;

export function explainImportProblem(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'not-json':
      return `Please attach the course as a \`.json\` file; "${inlineText(truncate(problem.filename, 80))}" isn't one. Nothing was changed.`;
    case 'too-large': {
      const size = problem.size === undefined ? `over ${problem.limit / 1000} kB` : `${Math.ceil(problem.size / 1000)} kB`;
      return `That file is ${size}, and a course file can be at most ${problem.limit / 1000} kB. Is it the right file? Nothing was changed.`;
    }
    case 'not-utf8':
      return `"${inlineText(truncate(problem.filename, 80))}" isn't saved as UTF-8 text, so some of its letters would come out garbled. Please save it as UTF-8 (most editors offer it when saving) and attach it again. Nothing was changed.`;
    case 'too-deep':
      return `That file nests its brackets more than ${problem.limit} levels deep, and a course needs only four, so I stopped reading it. Is it the right file? Nothing was changed.`;
    case 'unreadable':
      return `I couldn't download "${inlineText(truncate(problem.filename, 80))}" from Discord. Please try again in a moment; nothing was changed.`;
    case 'shipped-id':
      return `The id "${problem.course.id}" belongs to **${inlineText(problem.course.title)}**, which comes with Roots Bot. Please give your course an id of its own. Nothing was changed.`;
    case 'invalid': {
      const lines: string[] = [];
      let used = 0;
      // In file order, so the list reads top to bottom alongside the file.
      const ordered = [...problem.problems].sort((a, b) => a.line - b.line || a.column - b.column);
      for (const item of ordered) {
        // Backticks from a file name would close the code block early.
        const line = truncate(formatProblem(item).replaceAll('`', "'"), 300);
        if (used + line.length > PROBLEM_LIST_BUDGET) break;
        lines.push(line);
        used += line.length + 1;
      }
      const more = problem.problems.length - lines.length;
      const count = problem.problems.length === 1 ? 'one thing' : `${problem.problems.length} things`;
      return [
        `I couldn't import that course, so nothing was changed. Here ${problem.problems.length === 1 ? 'is' : 'are'} ${count} to fix (file:line:column):`,
        '```',
        ...lines,
        ...(more > 0 ? [`…and ${more} more`] : []),
        '```',
      ].join('\n');
    }
  }
}
