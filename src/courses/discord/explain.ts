import { formatProblem } from '../../content/load.js';
import type { Reader } from '../../i18n/locales.js';
import { truncate } from '../../presentation/embed-fit.js';
import { unwrapWith } from '../../outcome.js';
import { inlineText } from '../../presentation/inline-text.js';
import type { Lesson } from '../course.js';
import type { CourseOutcome, CourseProblem, ImportProblem } from '../problems.js';
import { courseAsRead, lessonAsRead } from '../translation.js';
import { discordDate } from './format.js';
import { courseMessages } from './messages.js';

/**
 * What the member (or moderator) reads when a course action can't go ahead, in their language,
 * with the course's own words translated where its file has them. Each says what to do next.
 */
export function explainCourseProblem(problem: CourseProblem, reader: Reader): string {
  const t = courseMessages.for(reader);
  const course = 'course' in problem ? inlineText(courseAsRead(problem.course, reader).title) : '';
  const lesson = (of: Lesson) => inlineText(lessonAsRead(of, reader).title);
  switch (problem.kind) {
    case 'unknown-course':
      return t('problem.unknown-course', { query: inlineText(truncate(problem.query, 80)) });
    case 'no-courses':
      return t('problem.no-courses');
    case 'which-course':
      return t('problem.which-course', {
        count: problem.courses.length,
        courses: problem.courses.map((each) => `**${inlineText(courseAsRead(each, reader).title)}**`).join(', '),
      });
    case 'unknown-lesson':
      return t('problem.unknown-lesson', { course, unit: problem.course.unit, query: inlineText(truncate(problem.query, 80)) });
    case 'retired':
      return t('problem.retired', { course });
    case 'already-retired':
      return t('problem.already-retired', { course });
    case 'already-enrolled':
      return t('problem.already-enrolled', { course });
    case 'not-enrolled':
      return t('problem.not-enrolled', { course });
    case 'already-completed':
      return t('problem.already-completed', { lesson: lesson(problem.lesson), date: discordDate(problem.completedAt) });
    case 'out-of-order':
      return t('problem.out-of-order', { course, first: lesson(problem.first), lesson: lesson(problem.lesson) });
    case 'course-finished':
      return t('problem.course-finished', { course, unit: problem.course.unit });
    case 'reflection-empty':
      return t('problem.reflection-empty');
    case 'reflection-too-long':
      // "A little over" only when it is: a quarter of the limit or less.
      return t(problem.length - problem.limit <= problem.limit / 4 ? 'problem.reflection-a-little-long' : 'problem.reflection-too-long', { length: problem.length, limit: problem.limit });
    case 'no-reflection':
      return t('problem.no-reflection', { lesson: lesson(problem.lesson) });
    case 'already-shared':
      return t('problem.already-shared', { lesson: lesson(problem.lesson) });
    default:
      return explainImportProblem(problem, reader);
  }
}

/** The one way course handlers unwrap an outcome: `orExplain(await enrol(...), reader)`. */
export function orExplain<T>(outcome: CourseOutcome<T>, reader: Reader): T {
  return unwrapWith((problem: CourseProblem) => explainCourseProblem(problem, reader))(outcome);
}

/** Discord messages hold 2,000 characters; the list of problems gets what the words around it leave. */
const PROBLEM_LIST_BUDGET = 1500;

export function explainImportProblem(problem: ImportProblem, reader: Reader): string {
  const t = courseMessages.for(reader);
  switch (problem.kind) {
    case 'not-json':
      return t('import.problem.not-json', { filename: inlineText(truncate(problem.filename, 80)) });
    case 'too-large':
      return problem.size === undefined
        ? t('import.problem.too-large-unmeasured', { limit: problem.limit / 1000 })
        : t('import.problem.too-large', { size: Math.ceil(problem.size / 1000), limit: problem.limit / 1000 });
    case 'not-utf8':
      return t('import.problem.not-utf8', { filename: inlineText(truncate(problem.filename, 80)) });
    case 'too-deep':
      return t('import.problem.too-deep', { limit: problem.limit });
    case 'unreadable':
      return t('import.problem.unreadable', { filename: inlineText(truncate(problem.filename, 80)) });
    case 'shipped-id':
      return t('import.problem.shipped-id', { id: problem.course.id, course: inlineText(courseAsRead(problem.course, reader).title) });
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
      return [
        t('import.problem.invalid', { count: problem.problems.length }),
        '```',
        ...lines,
        ...(more > 0 ? [t('import.problem.more', { count: more })] : []),
        '```',
      ].join('\n');
    }
  }
}
