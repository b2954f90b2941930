import { time, TimestampStyles } from 'discord.js';

const BAR_WIDTH = 10;

/** `▰▰▰▰▰▰▱▱▱▱ 2/3`: the same width for every course, so a list of them lines up. */
export function progressBar(done: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_WIDTH - filled)} ${done}/${total}`;
}

/** A date as Discord shows it to each reader, in their own time zone and language. */
export function discordDate(date: Date): string {
  return time(date, TimestampStyles.LongDate);
}

/** Whole days since `then` (0 today): what a picture says in words, since it can't show Discord's own timestamps. */
export function wholeDaysSince(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / 86_400_000));
}
