import 'dotenv/config';
import { loadConfig } from '../config.js';
import { openDatabase } from './connection.js';
import { describeTarget, sqliteAt } from './target.js';
import { createMigrator, migrate } from './migrator.js';

/** `npm run migrate -- up|down|status`: the same migrations the bot runs on start, by hand. */
const usage = 'Usage: npm run migrate -- <up|down|status> [--sandbox]';

async function main(args: readonly string[]): Promise<number> {
  const [command = 'status'] = args.filter((arg) => !arg.startsWith('--'));
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.error.message);
    return 1;
  }
  const { config } = loaded;
  const target = args.includes('--sandbox') ? sqliteAt(config.sandboxDatabasePath) : config.database;
  const path = describeTarget(target);
  const db = openDatabase(target, { budgetMs: 60_000 });
  try {
    switch (command) {
      case 'up': {
        const results = await migrate(db, 'latest');
        console.log(results.length === 0 ? `${path} is up to date.` : results.map((r) => `applied ${r.migrationName}`).join('\n'));
        return 0;
      }
      case 'down': {
        const results = await migrate(db, 'down');
        console.log(results.length === 0 ? 'Nothing to undo.' : results.map((r) => `reverted ${r.migrationName}`).join('\n'));
        return 0;
      }
      case 'status': {
        const migrations = await (await createMigrator(db)).getMigrations();
        console.log(`Migrations for ${path}:`);
        for (const m of migrations) {
          console.log(`  ${m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending                        '}  ${m.name}`);
        }
        return 0;
      }
      default:
        console.error(usage);
        return 1;
    }
  } catch (error) {
    console.error(error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : error);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
