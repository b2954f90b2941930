import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import type { RitualContent } from './content.js';
import { toEntry, type LibraryEntry, type LibraryKind } from './model.js';
import { fail, succeed } from '../outcome.js';
import type { EntryField, EntryIssue, RitualOutcome, RitualProblem } from './problems.js';
import type { RitualEntryTable } from './tables.js';

/**
 * Each server's poem and podcast libraries. The starter set from `data/rituals/` is copied in the
 * first time a server needs it (keyed by its starter key, so it lands once and a removed entry
 * stays removed); moderators add and remove from there.
 */

export type LibraryServices = Pick<BotContext, 'db' | 'clock'> & { readonly content: RitualContent };

/** What the rituals' services need from the bot's context: its database, clock and ritual content. */
export function ritualServices(ctx: Pick<BotContext, 'db' | 'clock' | 'content'>): LibraryServices {
  return { db: ctx.db, clock: ctx.clock, content: ctx.content.rituals };
}

type EntryRow = Omit<Insertable<RitualEntryTable>, 'guild_id' | 'kind' | 'starter_key' | 'added_by' | 'created_at'>;

/** A poem's columns, whether it comes from the starter set or a moderator's form. */
function poemRow(poem: { title: string; author: string; year: number | null; source: string | null; text: string; questions: readonly string[] }): EntryRow {
  return { title: poem.title, author: poem.author, year: poem.year, source: poem.source, body: poem.text, questions: JSON.stringify(poem.questions) };
}

/** A podcast episode's columns, whether it comes from the starter set or a moderator's form. */
function podcastRow(episode: { title: string; show?: string | null; link?: string | null; about?: string | null; questions: readonly string[] }): EntryRow {
  return { title: episode.title, show: episode.show ?? null, link: episode.link ?? null, about: episode.about ?? null, questions: JSON.stringify(episode.questions) };
}

function starterRows(guildId: string, content: RitualContent, now: Date): Insertable<RitualEntryTable>[] {
  const created_at = now.toISOString();
  return [
    ...content.poems.map((poem) => ({ ...poemRow(poem), guild_id: guildId, kind: 'poem', starter_key: poem.key, created_at })),
    ...content.podcasts.map((podcast) => ({ ...podcastRow(podcast), guild_id: guildId, kind: 'podcast', starter_key: podcast.key, created_at })),
  ];
}

/** Copies in any starter entries this server doesn't have yet. Safe to call any number of times. */
export async function ensureStarterLibrary(trx: Db, guildId: string, content: RitualContent, now: Date): Promise<void> {
  const rows = starterRows(guildId, content, now);
  if (rows.length === 0) return;
  await trx
    .insertInto('ritual_entries')
    .values(rows)
    .onConflict((conflict) => conflict.columns(['guild_id', 'kind', 'starter_key']).doNothing())
    .execute();
}

/** The entries a server can post from now, oldest first. */
export async function activeEntries(db: Db, guildId: string, kind: LibraryKind): Promise<LibraryEntry[]> {
  const rows = await db
    .selectFrom('ritual_entries')
    .selectAll()
    .where('guild_id', '=', guildId)
    .where('kind', '=', kind)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

export async function findEntry(db: Db, id: number): Promise<LibraryEntry | undefined> {
  const row = await db.selectFrom('ritual_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEntry(row);
}

export async function listLibrary(services: LibraryServices, guildId: string, kind: LibraryKind): Promise<LibraryEntry[]> {
  const now = services.clock.now();
  await services.db.transaction().execute((trx) => ensureStarterLibrary(trx, guildId, services.content, now));
  return activeEntries(services.db, guildId, kind);
}

// ---- what moderators add --------------------------------------------------------------------------

const field = (max: number) => z.string().trim().min(1).max(max);
const optionalField = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value.length === 0 ? null : value));

/** One question per line; blank lines ignored. */
const questionLines = (min: number) =>
  z
    .string()
    .transform((text) => text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0))
    .pipe(z.array(z.string().max(300)).min(min).max(3));

export const NewPoemSchema = z.object({
  title: field(200),
  author: field(100),
  year: optionalField(4).pipe(
    z
      .string()
      .regex(/^\d{3,4}$/)
      .transform(Number)
      .nullable(),
  ),
  source: optionalField(300),
  text: field(3800),
  questions: questionLines(0),
});

export const NewPodcastSchema = z.object({
  title: field(200),
  show: optionalField(100),
  link: optionalField(500).pipe(z.url({ protocol: /^https?$/ }).nullable()),
  about: optionalField(1000),
  questions: questionLines(2),
});

export type NewPoem = z.input<typeof NewPoemSchema>;
export type NewPodcast = z.input<typeof NewPodcastSchema>;

const ENTRY_FIELDS: readonly EntryField[] = ['title', 'author', 'year', 'source', 'text', 'show', 'link', 'about'];

function issueOf(issue: z.core.$ZodIssue): EntryIssue | undefined {
  const [name, index] = issue.path;
  if (name === 'questions') {
    if (index !== undefined && issue.code === 'too_big') return { kind: 'question-too-long', max: Number(issue.maximum) };
    if (issue.code === 'too_small') return { kind: 'too-few-questions', min: Number(issue.minimum) };
    if (issue.code === 'too_big') return { kind: 'too-many-questions', max: Number(issue.maximum) };
    return undefined;
  }
  const field = ENTRY_FIELDS.find((known) => known === name);
  if (field === undefined) return undefined;
  if (issue.code === 'too_small') return { kind: 'empty', field };
  if (issue.code === 'too_big') return { kind: 'too-long', field, max: Number(issue.maximum) };
  if (field === 'year') return { kind: 'year-format' };
  if (field === 'link') return { kind: 'link-format' };
  return undefined;
}

/** Each thing to fix once, in the form's order. */
function issuesOf(error: z.ZodError): EntryIssue[] {
  const issues = error.issues.flatMap((issue) => issueOf(issue) ?? []);
  return issues.filter((issue, i) => issues.findIndex((other) => JSON.stringify(other) === JSON.stringify(issue)) === i);
}

function invalid(library: LibraryKind, error: z.ZodError): RitualProblem {
  return { kind: 'invalid-entry', library, issues: issuesOf(error) };
}

/**
 * Validates what a moderator typed with `schema`, then adds it to the server's `library`, seeding
 * the starter set first so a server's first `/poem add` doesn't leave it without one.
 */
async function addEntry<S extends z.ZodType>(
  services: LibraryServices,
  guildId: string,
  addedBy: string,
  library: LibraryKind,
  schema: S,
  input: z.input<S>,
  toRow: (valid: z.output<S>) => EntryRow,
): Promise<RitualOutcome<LibraryEntry>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return fail(invalid(library, parsed.error));
  const now = services.clock.now();
  const entry = await services.db.transaction().execute(async (trx) => {
    await ensureStarterLibrary(trx, guildId, services.content, now);
    const inserted = await trx
      .insertInto('ritual_entries')
      .values({ ...toRow(parsed.data), kind: library, added_by: addedBy, guild_id: guildId, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(inserted);
  });
  return succeed(entry);
}

export function addPoem(services: LibraryServices, guildId: string, addedBy: string, input: NewPoem): Promise<RitualOutcome<LibraryEntry>> {
  return addEntry(services, guildId, addedBy, 'poem', NewPoemSchema, input, poemRow);
}

export function addPodcast(services: LibraryServices, guildId: string, addedBy: string, input: NewPodcast): Promise<RitualOutcome<LibraryEntry>> {
  return addEntry(services, guildId, addedBy, 'podcast', NewPodcastSchema, input, podcastRow);
}

// ---- what moderators change -----------------------------------------------------------------------

type Poem = Extract<LibraryEntry, { kind: 'poem' }>;
type Podcast = Extract<LibraryEntry, { kind: 'podcast' }>;

/** A poem as its form would have typed it: what an edit starts from. */
export function poemInput(poem: Poem): NewPoem {
  return { title: poem.title, author: poem.author, year: poem.year === null ? '' : String(poem.year), source: poem.source ?? '', text: poem.text, questions: poem.questions.join('\n') };
}

/** A podcast episode as its form would have typed it: what an edit starts from. */
export function podcastInput(episode: Podcast): NewPodcast {
  return { title: episode.title, show: episode.show ?? '', link: episode.link ?? '', about: episode.about ?? '', questions: episode.questions.join('\n') };
}

/**
 * Changes an entry still in rotation, with the checks adding it had. `basedOn` is the revision the
 * moderator's form showed: if someone changed the entry since, nothing is written and the problem
 * carries the entry as it is now. Fields left out of `changes` keep their values.
 */
async function editEntry<S extends z.ZodType, E extends LibraryEntry>(
  services: LibraryServices,
  guildId: string,
  library: E['kind'],
  id: number,
  basedOn: number,
  edit: { readonly schema: S; readonly current: (entry: E) => z.input<S>; readonly changes: Partial<z.input<S>>; readonly toRow: (valid: z.output<S>) => EntryRow },
): Promise<RitualOutcome<LibraryEntry>> {
  return services.db.transaction().execute(async (trx): Promise<RitualOutcome<LibraryEntry>> => {
    const row = await trx.selectFrom('ritual_entries').selectAll().where('id', '=', id).where('guild_id', '=', guildId).where('kind', '=', library).where('removed_at', 'is', null).executeTakeFirst();
    if (row === undefined) return fail({ kind: 'unknown-entry', library, id });
    const entry = toEntry(row) as E;
    if (entry.revision !== basedOn) return fail({ kind: 'entry-changed', entry });
    const parsed = edit.schema.safeParse(Object.assign({}, edit.current(entry), edit.changes));
    if (!parsed.success) return fail(invalid(library, parsed.error));
    // The revision in the condition too: of two edits at once, the second finds it already raised.
    const updated = await trx
      .updateTable('ritual_entries')
      .set({ ...edit.toRow(parsed.data), revision: entry.revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', entry.revision)
      .returningAll()
      .executeTakeFirst();
    if (updated !== undefined) return succeed(toEntry(updated));
    const now = await findEntry(trx, id);
    return now === undefined || now.removed ? fail({ kind: 'unknown-entry', library, id }) : fail({ kind: 'entry-changed', entry: now });
  });
}

export function editPoem(services: LibraryServices, guildId: string, id: number, basedOn: number, changes: Partial<NewPoem>): Promise<RitualOutcome<LibraryEntry>> {
  return editEntry<typeof NewPoemSchema, Poem>(services, guildId, 'poem', id, basedOn, { schema: NewPoemSchema, current: poemInput, changes, toRow: poemRow });
}

export function editPodcast(services: LibraryServices, guildId: string, id: number, basedOn: number, changes: Partial<NewPodcast>): Promise<RitualOutcome<LibraryEntry>> {
  return editEntry<typeof NewPodcastSchema, Podcast>(services, guildId, 'podcast', id, basedOn, { schema: NewPodcastSchema, current: podcastInput, changes, toRow: podcastRow });
}

/** Removes an entry from rotation; posts that used it keep pointing at it. */
export async function removeEntry(services: LibraryServices, guildId: string, kind: LibraryKind, id: number): Promise<RitualOutcome<LibraryEntry>> {
  const now = services.clock.now().toISOString();
  return services.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('ritual_entries')
      .set({ removed_at: now })
      .where('id', '=', id)
      .where('guild_id', '=', guildId)
      .where('kind', '=', kind)
      .where('removed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? fail({ kind: 'unknown-entry', library: kind, id }) : succeed(toEntry(row));
  });
}
