import 'dotenv/config';
import { openDatabase } from './connection.js';
import { copyDatabase, CopyRefusedError, parseTarget } from './copy.js';
import { describeTarget } from './target.js';

/** `npm run db:copy -- --from sqlite:data/roots.sqlite --to postgres://roots:…@localhost/roots` */
const usage = 'Usage: npm run db:copy -- --from sqlite:PATH|postgres://… --to sqlite:PATH|postgres://…  (the target must be empty)';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function main(args: readonly string[]): Promise<number> {
  const from = parseTarget(option(args, '--from'));
  const to = parseTarget(option(args, '--to'));
  if (!from || !to) {
    console.error(usage);
    return 1;
  }
  const source = openDatabase(from, { budgetMs: 60_000 });
  const target = openDatabase(to, { budgetMs: 60_000 });
  try {
    console.log(`Copying ${describeTarget(from)} → ${describeTarget(to)} …`);
    const report = await copyDatabase(source, target);
    for (const [table, rows] of report) if (rows > 0) console.log(`  ${table}: ${rows}`);
    console.log('Done. Set DATABASE_URL (or DATABASE_PATH) to the copy and start the bot.');
    return 0;
  } catch (error) {
    if (error instanceof CopyRefusedError) console.error(error.message);
    // Never the URL as given: it may carry a password.
    else console.error(`The copy failed and nothing was written to ${describeTarget(to)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
