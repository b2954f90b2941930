/**
 * What courses say, in English (the source). `{unit}` is what the course calls its parts
 * ("lesson" or "session"), chosen with an ICU select so each language words it its own way.
 */
export default {
  'list.none': 'There are no courses open here right now. A moderator can add one with `/course import`.',
  'list.title': 'Courses you can take',
  'list.description': 'Take them at your own pace; I keep your place. Join one with `/course enroll`.',
  'list.more': 'And {count} more; type in /course enroll to find them.',
  'list.course-finished': '{title} · ✓ finished',
  'list.course-joined': "{title} · you're in it ({done}/{total})",
  'list.course-details':
    '{summary}\n**For:** {audience}\n**Shape:** {unit, select, session {{count, plural, one {# session} other {# sessions}}} other {{count, plural, one {# lesson} other {# lessons}}}}, {order, select, ordered {taken in order} other {in any order}}',
  'course.retired': '{title} (retired)',

  'enroll.welcome': "Welcome to **{course}** 🌱 Take it at your own pace; I'll keep your place, and `/course progress` shows it any time. Here is where to begin:",
  'enroll.welcome-back':
    'Welcome back to **{course}** 🌱 You had already done {done} of {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}}, so you pick up right where you stopped.',
  'drop.left': "You've left **{course}**. Thank you for the time you gave it.",
  'drop.left-kept':
    "You've left **{course}**. I've kept your {unit, select, session {{done, plural, one {# completed session} other {# completed sessions}}} other {{done, plural, one {# completed lesson} other {# completed lessons}}}} and reflections, so if you come back with `/course enroll` you'll pick up where you stopped. (`/privacy forget` deletes them for good.) Thank you for the time you gave it.",

  'lesson.title': '{unit, select, session {Session} other {Lesson}} {number} of {total} · {title}',
  'lesson.experience': 'In your school: {name}',
  'lesson.reflect': 'Reflect',
  'lesson.progress': 'Your progress',
  'lesson.completed-on': '✓ You completed this {unit, select, session {session} other {lesson}} on {date}.',
  'lesson.blocked': 'This course is taken in order: complete **{first}** first, then come back here.',
  'lesson.ready': "When you're ready, press **Complete & reflect** to note what you noticed.",
  'lesson.minutes': 'About {minutes, plural, one {# minute} other {# minutes}}',
  'lesson.complete-button': 'Complete & reflect',
  'lesson.practise-button': 'Practise {protocol}',
  'lesson.open-next': 'Open the next {unit, select, session {session} other {lesson}}',
  'lesson.finished':
    "You've finished **{course}**: all {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}} done 🎉 To revisit one, pick it in the `lesson` option.",

  'progress.title': 'Your courses',
  'progress.finished': 'Finished 🎉',
  'progress.finished-on': 'Finished on {date} 🎉',
  'progress.next': 'Next: {unit, select, session {Session} other {Lesson}} {number} of {total} · **{title}**',
  'progress.footer': '/course lesson picks up where you left off.',
  'card.percent': '{share, number, percent}',
  'card.done': '{done} of {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}} done',
  'card.finished': 'Finished: all {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}} done',
  'card.next': 'Next: {unit, select, session {Session} other {Lesson}} {number} of {total} · {title}',
  'card.activity': 'Last {unit, select, session {session} other {lesson}} done {days, plural, =0 {today} =1 {yesterday} other {# days ago}}',
  'card.streak': '{weeks, plural, one {Streak: # week} other {Streak: # weeks in a row}}',
  'card.streak-keep': '{weeks, plural, one {Streak: # week} other {Streak: # weeks in a row}} · a {unit, select, session {session} other {lesson}} this week keeps it going',
  'card.alt':
    'Progress card for {title}: {done} of {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}} done ({share, number, percent}).',

  'completed.last': "**{lesson}** is complete, and that was the last one: you've finished **{course}** 🎉",
  'completed.next': '**{lesson}** is complete. Next up: **{next}**.',
  'completed.share-question': 'Your reflection is saved privately. Would you like to share it with the course channel? Nobody gets pinged.',
  'completed.share-button': 'Share with the course channel',
  'completed.keep-button': 'Keep it private',
  'shared.post': '{member} shared a reflection on **{lesson}** from *{course}*:\n>>> *{prompt}*\n\n{body}',
  'share.failed':
    "I couldn't post in {channel}; a moderator may need to let me write there (or choose another channel with `/course channel`). Your reflection is safe and stays private for now.",
  'share.done': 'Shared in {channel}: [see your post]({url}). Thank you for learning out loud 🌱',
  'share.kept-private': 'Your reflection stays private: only you can see it, with `/privacy export`. Well done on another {unit, select, session {session} other {lesson}} 🌱',

  'modal.title': 'Reflect: {lesson}',
  'modal.label': 'Your reflection',
  'modal.description': 'Up to {limit, number} characters. It stays private unless you share it.',
  'modal.placeholder': 'What did you notice? What will you try next?',

  'import.new':
    'Imported **{course}** ({unit, select, session {{count, plural, one {# session} other {# sessions}}} other {{count, plural, one {# lesson} other {# lessons}}}}). Members can join it with `/course enroll`.',
  'import.updated':
    'Updated **{course}** ({unit, select, session {{count, plural, one {# session} other {# sessions}}} other {{count, plural, one {# lesson} other {# lessons}}}}). The {enrolled, plural, one {# member in it keeps} other {# members in it keep}} their progress on every {unit, select, session {session} other {lesson}} whose id stayed the same.',
  'import.removed':
    '{count, plural, one {{ids} is gone from the course; completions of it are kept but no longer count.} other {{ids} are gone from the course; completions of them are kept but no longer count.}}',
  'retire.question':
    'Retire **{course}**? It leaves `/course list` and nobody new can join. The {enrolled, plural, one {# member} other {# members}} already in it can still finish, and their progress stays.',
  'retire.confirm-button': 'Retire it',
  'retire.keep-button': 'Keep it',
  'retire.done': '**{course}** is retired. Members already in it can still finish.',
  'retire.cancelled': 'Nothing changed.',
  'report.empty': "Nobody has joined **{course}** yet, so there's nothing to report.",
  'report.summary':
    '**{course}**: {enrolled, plural, one {# member} other {# members}} enrolled. {finished} finished, {inProgress} on their way, {notStarted} not started yet.',
  'report.all-active': 'Everyone still working through it has been active in the last {days, plural, one {# day} other {# days}}.',
  'report.idle':
    '{idle, plural, one {# member has} other {# members have}} not been active for over {days, plural, one {# day} other {# days}}; `/course nudge` can send them a gentle hello.',
  'report.one-row-per-member': 'The file has one row per member.',
  'report.filename': 'course-report-{course}-{date}.csv',
  'report.column.member': 'member',
  'report.column.member-id': 'member_id',
  'report.column.enrolled-at': 'enrolled_at',
  'report.column.lessons-done': 'lessons_done',
  'report.column.lessons-total': 'lessons_total',
  'report.column.last-activity': 'last_activity',
  'report.column.finished-at': 'finished_at',
  'nudge.nobody': 'Nobody needed a nudge: no one still working through a course has been idle for over {days, plural, one {# day} other {# days}}.',
  'nudge.nobody-unheard':
    'Nobody needed a nudge: no one still working through a course has been idle for over {days, plural, one {# day} other {# days}} without hearing from me this week.',
  'nudge.none-reached': "I couldn't reach anyone idle for over {days, plural, one {# day} other {# days}} this time.",
  'nudge.sent': 'I sent a gentle hello to {sent, plural, one {# member} other {# members}} idle for over {days, plural, one {# day} other {# days}}.',
  'nudge.skipped': '{count, plural, one {# member was} other {# members were}} nudged in the past week, so I left them be.',
  'nudge.dms-closed': "{count, plural, one {# member} other {# members}} couldn't receive a DM from me (their DMs are off, or they left the server).",
  'nudge.left': "{count, plural, one {# member has} other {# members have}} left the server, so I didn't write to them.",
  'nudge.later': '{count, plural, one {# member} other {# members}} will hear from me next time: Discord asked me to slow down, so please run `/course nudge` again later.',
  'nudge.failed': "{count, plural, one {# message} other {# messages}} didn't go through; the bot's log has the details.",
  'nudge.our-community': 'our community',
  'dm.hello': "Hello from {server} 🌱 Just a gentle note that your {count, plural, one {course is} other {courses are}} waiting for you whenever you're ready:",
  'dm.course': '• **{course}**: {done} of {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}} done',
  'dm.course-next':
    '• **{course}**: {done} of {unit, select, session {{total, plural, one {# session} other {# sessions}}} other {{total, plural, one {# lesson} other {# lessons}}}} done; next up: *{next}*',
  'dm.more': '…and {count} more.',
  'dm.closing': '`/course lesson` in {server} picks up right where you left off. No rush: every step counts, at your own pace.',
  'channel.set': 'Reflections members share on **{course}** will be posted in {channel}, without pinging anyone.',
  'channel.cannot-post': "Heads up: I can't post in {channel} yet. Please let me **View Channel** and **Send Messages** there.",

  'problem.unknown-course': 'I couldn\'t find a course called "{query}". `/course list` shows the courses here.',
  'problem.no-courses': "You haven't joined a course yet. `/course list` shows what's on offer, and `/course enroll` gets you started.",
  'problem.which-course': "You're in {count} courses ({courses}). Please pick one in the `course` option.",
  'problem.unknown-lesson':
    '**{course}** has no {unit, select, session {session} other {lesson}} called "{query}". Start typing in the `lesson` option and I\'ll suggest them.',
  'problem.retired': "**{course}** isn't taking new members anymore. `/course list` shows the courses that are open.",
  'problem.already-retired': '**{course}** is already retired.',
  'problem.already-enrolled': "You're already in **{course}**. `/course lesson` picks up where you left off.",
  'problem.not-enrolled': "You haven't joined **{course}** yet. `/course enroll` gets you started.",
  'problem.already-completed': "You already completed **{lesson}** on {date}. Nice work! `/course lesson` shows what's next.",
  'problem.out-of-order': '**{course}** is taken in order, so **{first}** comes before **{lesson}**. `/course lesson` opens it for you.',
  'problem.course-finished': "You've already completed every {unit, select, session {session} other {lesson}} of **{course}** 🎉 To revisit one, open it with `/course lesson`.",
  'problem.reflection-empty': 'Your reflection looks empty. Write a line or two about what you noticed, then try again.',
  'problem.reflection-a-little-long':
    'That reflection is {length, number} characters, a little over the {limit, number} I can keep. Could you shorten it and send it again? Nothing was saved yet.',
  'problem.reflection-too-long':
    'That reflection is {length, number} characters, and I can keep up to {limit, number}. Could you shorten it and send it again? Nothing was saved yet.',
  'problem.no-reflection': "I don't have a reflection from you on **{lesson}**, so there's nothing to share yet.",
  'problem.already-shared': 'Your reflection on **{lesson}** is already shared.',
  'import.problem.not-json': 'Please attach the course as a `.json` file; "{filename}" isn\'t one. Nothing was changed.',
  'import.problem.too-large': 'That file is {size, number} kB, and a course file can be at most {limit, number} kB. Is it the right file? Nothing was changed.',
  'import.problem.too-large-unmeasured': 'That file is over {limit, number} kB, and a course file can be at most {limit, number} kB. Is it the right file? Nothing was changed.',
  'import.problem.not-utf8':
    '"{filename}" isn\'t saved as UTF-8 text, so some of its letters would come out garbled. Please save it as UTF-8 (most editors offer it when saving) and attach it again. Nothing was changed.',
  'import.problem.too-deep':
    'That file nests its brackets more than {limit} levels deep, and a course needs only four, so I stopped reading it. Is it the right file? Nothing was changed.',
  'import.problem.unreadable': 'I couldn\'t download "{filename}" from Discord. Please try again in a moment; nothing was changed.',
  'import.problem.shipped-id': 'The id "{id}" belongs to **{course}**, which comes with Roots Bot. Please give your course an id of its own. Nothing was changed.',
  'import.problem.invalid': "I couldn't import that course, so nothing was changed. Here {count, plural, one {is one thing} other {are # things}} to fix (file:line:column):",
  'import.problem.more': '…and {count} more',
} as const;
