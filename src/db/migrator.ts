import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import { isPostgres } from './portable.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

const isMigrationFile = (file: string) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts');

/**
 * Loads `migrations/*.ts` through our own `import()` (Kysely's FileMigrationProvider imports from
 * inside node_modules, where the TypeScript loader doesn't reach) and insists that every migration
 * can be undone, so `npm run migrate -- down` always works.
 */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string = MIGRATIONS_FOLDER) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of (await readdir(this.folder)).filter(isMigrationFile).sort()) {
      const module = (await import(pathToFileURL(path.join(this.folder, file)).href)) as Partial<Migration>;
      if (typeof module.up !== 'function' || typeof module.down !== 'function') {
        throw new TypeError(`migrations/${file} must export both up() and down()`);
      }
      migrations[file.slice(0, file.lastIndexOf('.'))] = { up: module.up, down: module.down };
    }
    return migrations;
  }
}

/**
 * On PostgreSQL the migration tables live in the connection's current schema, named explicitly:
 * kysely otherwise looks for them in every schema and, finding another schema's, skips creating
 * its own (several bots, or the tests, can share one database in separate schemas).
 */
export async function createMigrator<T>(db: Kysely<T>, folder?: string): Promise<Migrator> {
  const provider = new FolderMigrationProvider(folder);
  if (!isPostgres(db as Kysely<unknown>)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

type Step = 'latest' | 'down';

/** Runs migrations and turns Kysely's result object into a typed error that names the failing file. */
export async function migrate<T>(db: Kysely<T>, step: Step = 'latest', folder?: string): Promise<readonly MigrationResult[]> {
  const migrator = await createMigrator(db, folder);
  const { error, results = [] } = step === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateDown();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed ? `Migration ${failed.migrationName} failed` : 'The migrations could not run', results, { cause: error });
  }
  return results;
}
