import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Db } from '../db/connection.js';
import type { RitualContent } from './content.js';
import { toEntry, type LibraryEntry, type LibraryKind } from './model.js';
import { failure, success, type Outcome } from './problems.js';
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

function starterRows(guildId: string, content: RitualContent, now: string): Insertable<RitualEntryTable>[] {
  const poems = content.poems.map((poem) => ({
    guild_id: guildId,
    kind: 'poem',
    starter_key: poem.key,
    title: poem.title,
    author: poem.author,
    year: poem.year,
    source: poem.source,
    body: poem.text,
    questions: JSON.stringify(poem.questions),
    created_at: now,
  }));
  const podcasts = content.podcasts.map((podcast) => ({
    guild_id: guildId,
    kind: 'podcast',
    starter_key: podcast.key,
    title: podcast.title,
    show: podcast.show ?? null,
    link: podcast.link ?? null,
    about: podcast.about ?? null,
    questions: JSON.stringify(podcast.questions),
    created_at: now,
  }));
  return [...poems, ...podcasts];
}

/** Copies in any starter entries this server doesn't have yet. Safe to call any number of times. */
export async function ensureStarterLibrary(trx: Db, guildId: string, content: RitualContent, now: string): Promise<void> {
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
  const now = services.clock.now().toISOString();
  await services.db.transaction().execute((trx) => ensureStarterLibrary(trx, guildId, services.content, now));
  return activeEntries(services.db, guildId, kind);
}

// ---- what moderators add --------------------------------------------------------------------------

const field = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} can't be empty`)
    .max(max, `${label} can be at most ${max} characters`);
const optionalField = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .transform((value) => (value.length === 0 ? null : value));

/** One question per line; blank lines ignored. */
const questionLines = (min: number) =>
  z
    .string()
    .transform((text) => text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0))
    .pipe(
      z
        .array(z.string().max(300, 'each question can be at most 300 characters'))
        .min(min, min === 0 ? '' : `please write at least ${min} questions, one per line`)
        .max(3, 'please keep it to 3 questions at most, one per line'),
    );

export const NewPoemSchema = z.object({
  title: field('The title', 200),
  author: field('The author', 100),
  year: optionalField('The year', 4).pipe(
    z
      .string()
      .regex(/^\d{3,4}$/, 'The year should be written like 1891')
      .transform(Number)
      .nullable(),
  ),
  source: optionalField('The source', 300),
  text: field('The poem', 3800),
  questions: questionLines(0),
});

export const NewPodcastSchema = z.object({
  title: field('The episode title', 200),
  show: optionalField('The show name', 100),
  link: optionalField('The link', 500).pipe(z.url({ protocol: /^https?$/, error: 'The link should be a full web address starting with https://' }).nullable()),
  about: optionalField('The note', 1000),
  questions: questionLines(2),
});

export type NewPoem = z.input<typeof NewPoemSchema>;
export type NewPodcast = z.input<typeof NewPodcastSchema>;

function issuesOf(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.message).filter((message) => message.length > 0))];
}

async function insertEntry(services: LibraryServices, guildId: string, row: Omit<Insertable<RitualEntryTable>, 'guild_id' | 'created_at'>): Promise<LibraryEntry> {
  const now = services.clock.now().toISOString();
  return services.db.transaction().execute(async (trx) => {
    // Seed first, so a server's first /poem add doesn't leave it without the starter set.
    await ensureStarterLibrary(trx, guildId, services.content, now);
    const inserted = await trx
      .insertInto('ritual_entries')
      .values({ ...row, guild_id: guildId, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(inserted);
  });
}

export async function addPoem(services: LibraryServices, guildId: string, addedBy: string, input: NewPoem): Promise<Outcome<LibraryEntry>> {
  const parsed = NewPoemSchema.safeParse(input);
  if (!parsed.success) return failure({ kind: 'invalid-entry', library: 'poem', issues: issuesOf(parsed.error) });
  const poem = parsed.data;
  return success(
    await insertEntry(services, guildId, {
      kind: 'poem',
      title: poem.title,
      author: poem.author,
      year: poem.year,
      source: poem.source,
      body: poem.text,
      questions: JSON.stringify(poem.questions),
      added_by: addedBy,
    }),
  );
}

export async function addPodcast(services: LibraryServices, guildId: string, addedBy: string, input: NewPodcast): Promise<Outcome<LibraryEntry>> {
  const parsed = NewPodcastSchema.safeParse(input);
  if (!parsed.success) return failure({ kind: 'invalid-entry', library: 'podcast', issues: issuesOf(parsed.error) });
  const episode = parsed.data;
  return success(
    await insertEntry(services, guildId, {
      kind: 'podcast',
      title: episode.title,
      show: episode.show,
      link: episode.link,
      about: episode.about,
      questions: JSON.stringify(episode.questions),
      added_by: addedBy,
    }),
  );
}

/** Removes an entry from rotation; posts that used it keep pointing at it. */
export async function removeEntry(services: LibraryServices, guildId: string, kind: LibraryKind, id: number): Promise<Outcome<LibraryEntry>> {
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
    return row === undefined ? failure({ kind: 'unknown-entry', library: kind, id }) : success(toEntry(row));
  });
}
