/**
 * Where the bot keeps its data: a SQLite file (one machine, one process) or a PostgreSQL server
 * (past one machine). `DATABASE_URL` chooses PostgreSQL; without it, SQLite at `DATABASE_PATH`.
 */
export type DatabaseTarget = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

export const sqliteAt = (path: string): DatabaseTarget => ({ kind: 'sqlite', path });

/** The password inside a PostgreSQL URL, if it has one: logs and messages must never show it. */
export function passwordOf(target: DatabaseTarget): string | undefined {
  if (target.kind !== 'postgres') return undefined;
  try {
    const password = decodeURIComponent(new URL(target.url).password);
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}

/** The target as a person may read it: the URL with its password replaced, or the file's path. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return target.path;
  try {
    const url = new URL(target.url);
    if (url.password !== '') url.password = '***';
    url.search = '';
    return url.toString();
  } catch {
    return 'the PostgreSQL server in DATABASE_URL';
  }
}
