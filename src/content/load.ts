import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';

/**
 * Content files (community text, tenets, poems, courses, protocols) are JSON written by people.
 * A mistake must point at the file and line, so a moderator can fix it without reading a stack.
 */
export interface ContentProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Where in the document, e.g. `lessons[2].title`; empty for syntax errors. */
  readonly at: string;
  readonly message: string;
}

export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: readonly ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export type ContentResult<T> = { ok: true; value: T } | { ok: false; error: ContentError };

export function formatProblem(problem: ContentProblem): string {
  const where = problem.at ? ` (${problem.at})` : '';
  return `${problem.file}:${problem.line}:${problem.column}${where}: ${problem.message}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Parses `text` as `file` and validates it; never throws for bad content. */
export function parseContent<S extends z.ZodType>(file: string, text: string, schema: S): ContentResult<z.output<S>> {
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  if (syntaxErrors.length > 0 || tree === undefined) {
    const problems = syntaxErrors.map((error) => ({
      file,
      ...lineAndColumn(text, error.offset),
      at: '',
      message: `this isn't valid JSON here (${printParseErrorCode(error.error)})`,
    }));
    return { ok: false, error: new ContentError(problems.length > 0 ? problems : [{ file, line: 1, column: 1, at: '', message: 'the file is empty' }]) };
  }
  const result = schema.safeParse(JSON.parse(text));
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => locate(file, text, tree, issue.path, issue.message));
  return { ok: false, error: new ContentError(problems) };
}

/** A problem at `at` in the document; a missing property points at the deepest node that exists (the object lacking it). */
function locate(file: string, text: string, tree: Node | undefined, at: readonly PropertyKey[], message: string): ContentProblem {
  let keys = at.filter((key): key is string | number => typeof key !== 'symbol');
  let node = tree && findNodeAtLocation(tree, keys);
  while (tree !== undefined && node === undefined && keys.length > 0) {
    keys = keys.slice(0, -1);
    node = findNodeAtLocation(tree, keys);
  }
  return { file, ...lineAndColumn(text, node?.offset ?? 0), at: describePath(at), message };
}

/**
 * A problem found after a file passed its schema (a cross-check against other content), pointing
 * at `at` in the file's text like the schema's own problems.
 */
export function problemAt(file: string, text: string, at: readonly (string | number)[], message: string): ContentProblem {
  return locate(file, text, parseTree(text, [], { allowTrailingComma: false, disallowComments: true }), at, message);
}

export async function loadContentFile<S extends z.ZodType>(file: string, schema: S): Promise<ContentResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : `the file can't be read (${String(cause)})`;
    return { ok: false, error: new ContentError([{ file, line: 1, column: 1, at: '', message: reason }]) };
  }
  return parseContent(file, text, schema);
}

/** One file of a content folder that passed validation. */
export interface ContentDirEntry<T> {
  /** The file name without `.json`. */
  readonly id: string;
  readonly file: string;
  readonly value: T;
}

export interface ContentDir<T> {
  /** The files that passed, in file name order. */
  readonly entries: readonly ContentDirEntry<T>[];
  /** Every problem in every file (or the folder itself), in file name order. */
  readonly problems: readonly ContentProblem[];
}

export interface ContentDirOptions {
  /** What a file name (without `.json`) must be; a file whose name fails is reported and left out. */
  readonly id?: z.ZodType<string>;
}

/**
 * Loads every `*.json` in `dir`, one item a file, its id the file name without `.json`. `schema`
 * may depend on that id (e.g. a course must carry its file's name). Never throws for bad content:
 * everything wrong with any file is returned together.
 */
export async function loadContentDir<S extends z.ZodType>(
  dir: string,
  schema: S | ((id: string) => S),
  options: ContentDirOptions = {},
): Promise<ContentDir<z.output<S>>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (cause) {
    return { entries: [], problems: [{ file: dir, line: 1, column: 1, at: '', message: `the folder can't be read (${String(cause)})` }] };
  }
  const loaded = await Promise.all(
    names.map(async (name) => {
      const id = name.slice(0, -'.json'.length);
      const file = path.join(dir, name);
      return { id, file, result: await loadContentFile(file, typeof schema === 'function' ? schema(id) : schema) };
    }),
  );
  const entries: ContentDirEntry<z.output<S>>[] = [];
  const problems: ContentProblem[] = [];
  for (const { id, file, result } of loaded) {
    const validId = options.id?.safeParse(id);
    if (validId !== undefined && !validId.success) {
      problems.push({ file, line: 1, column: 1, at: '', message: `the file name ${validId.error.issues[0]?.message ?? 'is not a valid id'}` });
    }
    if (!result.ok) problems.push(...result.error.problems);
    else if (validId === undefined || validId.success) entries.push({ id, file, value: result.value });
  }
  return { entries, problems };
}
