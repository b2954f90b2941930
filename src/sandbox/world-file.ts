import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { z } from 'zod';
import type { ManualClock } from '../clock.js';
import type { Logger } from '../logger.js';
import { findDemoGuild } from './demo-guild.js';
import { type Harness, restoreWorld, snapshotProblem, snapshotWorld, World, type WorldSnapshot, worldSnapshotSchema } from '@roots-bot/discord-emulator';

/**
 * The sandbox's two halves of memory kept together: the bot's database and the pretend Discord's
 * world (with the sandbox clock), side by side in the data folder. Both are there, or neither: a
 * world without its database, a database without its world, or a world file that can't be read
 * is moved aside (never deleted) and both start fresh, so the bot never remembers a thread or a
 * member the pretend Discord has forgotten.
 */

const FILE_VERSION = 1;

const worldFileSchema = z.object({
  version: z.literal(FILE_VERSION),
  savedAt: z.string(),
  /** The sandbox clock, and the real time when it read that: time travel survives a restart. */
  clock: z.object({ now: z.number().int(), realNow: z.number().int() }),
  world: worldSnapshotSchema,
});

type WorldFile = z.infer<typeof worldFileSchema>;

/** `data/sandbox.sqlite` → `data/sandbox.world.json`. */
export function worldPathFor(databasePath: string): string {
  const extension = extname(databasePath);
  return `${extension === '' ? databasePath : databasePath.slice(0, -extension.length)}.world.json`;
}

export type Opening =
  | { readonly kind: 'fresh'; readonly note: string | null }
  | { readonly kind: 'restored'; readonly world: WorldSnapshot; readonly clockStart: number };

/** SQLite's companions go where the database goes, or the moved database would be incomplete. */
const DATABASE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

function moveAside(path: string, now: number, companions: readonly string[] = ['']): string {
  const aside = `${path}.old-${stamp(now)}`;
  for (const suffix of companions) if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${aside}${suffix}`);
  return aside;
}

function readWorldFile(path: string): { file: WorldFile } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { problem: error instanceof SyntaxError ? "it isn't valid JSON" : `it couldn't be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = worldFileSchema.safeParse(json);
  if (!parsed.success) {
    const version = z.object({ version: z.unknown() }).safeParse(json);
    if (version.success && version.data.version !== FILE_VERSION) return { problem: 'it was saved by a different version of the sandbox' };
    return { problem: `it doesn't have the shape the sandbox expects (${parsed.error.issues[0]?.path.join('.') || 'top level'})` };
  }
  const broken = snapshotProblem(parsed.data.world);
  if (broken) return { problem: `it doesn't hold together: ${broken}` };
  // The demo server is where the session starts; a world without it can't be reopened.
  const scratch = new World();
  restoreWorld(scratch, parsed.data.world);
  if (!findDemoGuild(scratch)) return { problem: 'the demo server "Roots Community" is missing from it' };
  return { file: parsed.data };
}

/**
 * What the sandbox starts from. The clock resumes where it was plus the real time that passed,
 * never earlier than where it stopped: a ritual's next run, set by the old clock, still comes.
 */
export function openSandboxData(databasePath: string, now: number = Date.now()): Opening {
  const worldPath = worldPathFor(databasePath);
  const hasDatabase = existsSync(databasePath);
  const hasWorld = existsSync(worldPath);
  if (!hasDatabase && !hasWorld) return { kind: 'fresh', note: null };
  const fresh = (why: string): Opening => {
    const kept = [hasDatabase ? moveAside(databasePath, now, DATABASE_COMPANIONS) : null, hasWorld ? moveAside(worldPath, now) : null].filter((p) => p !== null);
    return { kind: 'fresh', note: `${why} So the bot and its pretend Discord both start fresh. Nothing is lost: the old ${kept.length === 1 ? 'file is' : 'files are'} kept as ${kept.map((p) => basename(p)).join(' and ')} in ${dirname(databasePath)}.` };
  };
  if (!hasWorld) return fresh("The bot's data was there, but not the pretend Discord it belongs to (an older sandbox kept only the data).");
  if (!hasDatabase) return fresh("The pretend Discord was saved, but the bot's data that goes with it is gone.");
  const read = readWorldFile(worldPath);
  if ('problem' in read) return fresh(`The saved sandbox couldn't be opened: ${read.problem}.`);
  const { clock } = read.file;
  return { kind: 'restored', world: read.file.world, clockStart: clock.now + Math.max(0, now - clock.realNow) };
}

/** How long a burst of changes may go unsaved, and how often the world is checked for quieter ones. */
const DEBOUNCE_MS = 300;
const CHECK_EVERY_MS = 2000;

/**
 * Saves the world while the sandbox runs: soon after each change the world announces, every few
 * seconds for those it doesn't (a member joining, a thread archived), and on exit. Writes go to a
 * temporary file renamed over the old one, so a crash mid-write never leaves half a world.
 */
export class WorldKeeper {
  readonly #path: string;
  #last = '';
  #debounce: NodeJS.Timeout | undefined;
  readonly #interval: NodeJS.Timeout;
  readonly #onChange = () => this.#schedule();
  readonly #stopJumps: () => void;

  constructor(
    databasePath: string,
    private readonly harness: Harness,
    private readonly clock: ManualClock,
    private readonly logger?: Logger,
  ) {
    this.#path = worldPathFor(databasePath);
    harness.world.events.on('change', this.#onChange);
    this.#stopJumps = clock.onJump(this.#onChange);
    this.#interval = setInterval(() => this.save(), CHECK_EVERY_MS);
    this.#interval.unref();
  }

  #schedule(): void {
    if (this.#debounce) return;
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      this.save();
    }, DEBOUNCE_MS);
    this.#debounce.unref();
  }

  /** Writes the world if it changed since the last write; a failure is logged, never thrown at the person. */
  save(): void {
    const file: WorldFile = {
      version: FILE_VERSION,
      savedAt: new Date().toISOString(),
      clock: { now: this.clock.now().getTime(), realNow: Date.now() },
      world: snapshotWorld(this.harness.world, this.harness.emulator.bot.id),
    };
    // savedAt and realNow change every time; only the rest says whether anything happened.
    const content = JSON.stringify({ ...file, savedAt: '', clock: { ...file.clock, realNow: 0 } });
    if (content === this.#last) return;
    try {
      mkdirSync(dirname(this.#path), { recursive: true });
      const temporary = `${this.#path}.tmp-${process.pid}`;
      writeFileSync(temporary, JSON.stringify(file));
      renameSync(temporary, this.#path);
      this.#last = content;
    } catch (error) {
      this.logger?.error({ err: error, path: this.#path }, 'could not save the sandbox world');
    }
  }

  /** Saves one last time and stops watching. */
  close(): void {
    clearInterval(this.#interval);
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = undefined;
    this.harness.world.events.off('change', this.#onChange);
    this.#stopJumps();
    this.save();
  }
}
