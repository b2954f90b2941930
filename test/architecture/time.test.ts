import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from '../support/import-graph.js';

/**
 * One time type (docs/architecture.md): services and handlers pass instants as `Date`; ISO-8601
 * strings exist only in rows, at the database edge (`tables.ts`, `src/db/`). A parameter or field
 * named for an instant (`…At`, `at`, `now`, `since`, `until`) typed as a string is an ISO string
 * leaking past that edge. A calendar day a member typed (a protocol's `dueDate`, `YYYY-MM-DD`) is
 * not an instant and keeps its own name.
 */
const INSTANT = /(At|^at|^now|^since|^until)$/;
const AREAS = ['onboarding', 'rituals', 'courses', 'protocols', 'privacy', 'guilds', 'interactions', 'scheduling', 'sharding', 'features'];

function instantsAsText(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isParameter(node) || ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.type !== undefined && ts.isIdentifier(node.name)) {
      const name = node.name.text;
      const type = node.type.getText(source);
      if (INSTANT.test(name) && /\bstring\b/.test(type)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${name}: ${type}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('one time type', () => {
  it('passes instants as Date in every feature, its services and its handlers; strings only in rows', () => {
    const files = AREAS.flatMap((area) => sourceFiles(`src/${area}`)).filter((file) => !file.endsWith('/tables.ts'));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => instantsAsText(file))).toEqual([]);
  });

  it('finds an instant typed as a string when there is one, so the check above can fail', () => {
    const text = [
      'export function nudge(db: Db, now: string): void {}',
      'interface Walk { readonly startedAt: Date; readonly finishedAt: string | null; readonly dueDate: string }',
      'export const later = (at: Date, since?: string) => at;',
    ].join('\n');
    expect(instantsAsText('example.ts', text)).toEqual(['example.ts:1 now: string', 'example.ts:2 finishedAt: string | null', 'example.ts:3 since: string']);
  });
});
