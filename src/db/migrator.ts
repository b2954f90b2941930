import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';

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

export function createMigrator<T>(db: Kysely<T>, folder?: string): Migrator {
  return new Migrator({ db, provider: new FolderMigrationProvider(folder) });
}

type Step = 'latest' | 'down';

/** Runs migrations and turns Kysely's result object into a typed error that names the failing file. */
export async function migrate<T>(db: Kysely<T>, step: Step = 'latest', folder?: string): Promise<readonly MigrationResult[]> {
  const migrator = createMigrator(db, folder);
  const { error, results = [] } = step === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateDown();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed ? `Migration ${failed.migrationName} failed` : 'The migrations could not run', results, { cause: error });
  }
  return results;
}
