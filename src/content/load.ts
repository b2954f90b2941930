import { readFile } from 'node:fs/promises';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
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
  const problems = result.error.issues.map((issue) => {
    // Point at the deepest node that exists: a missing property points at the object lacking it.
    let path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    let node = findNodeAtLocation(tree, path);
    while (node === undefined && path.length > 0) {
      path = path.slice(0, -1);
      node = findNodeAtLocation(tree, path);
    }
    return {
      file,
      ...lineAndColumn(text, node?.offset ?? 0),
      at: describePath(issue.path),
      message: issue.message,
    };
  });
  return { ok: false, error: new ContentError(problems) };
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
