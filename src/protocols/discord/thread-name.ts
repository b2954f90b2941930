import { truncateAtWord } from '../../presentation/embed-fit.js';

/** Discord's limit on a thread's name. */
export const THREAD_NAME_MAX = 100;

/** The thread's name from the topic: one line, shortened with "…" to fit when it is long. */
export function threadName(topic: string): string {
  const line = topic.replace(/\s+/g, ' ').trim();
  return truncateAtWord(line, THREAD_NAME_MAX);
}
