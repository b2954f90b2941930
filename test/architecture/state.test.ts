import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from '../support/import-graph.js';

/**
 * Per-bot state lives in the feature that owns it (docs/architecture.md): two bots in one process,
 * as the tests and shards run them, must share nothing. So a module may hold constants (a lookup
 * table typed read-only), but no `let` and no map, set or weak map that something could fill.
 */
function moduleState(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (!ts.isVariableStatement(statement)) return [];
    const { declarationList } = statement;
    const mutable = (declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== ts.NodeFlags.Const;
    return declarationList.declarations.flatMap((declaration) => {
      const name = declaration.name.getText(source);
      const line = source.getLineAndCharacterOfPosition(declaration.getStart(source)).line + 1;
      if (mutable) return [`${file}:${line} ${name} is a module-level let or var`];
      const init = declaration.initializer;
      if (init === undefined || !ts.isNewExpression(init)) return [];
      const made = init.expression.getText(source);
      if (!/^(Weak)?(Map|Set)$/.test(made)) return [];
      const type = declaration.type?.getText(source) ?? '';
      const readOnly = !made.startsWith('Weak') && /^Readonly(Map|Set)</.test(type);
      return readOnly ? [] : [`${file}:${line} ${name} is a module-level ${made} (a constant table is typed Readonly${made.replace('Weak', '')})`];
    });
  });
}

describe('module-level state', () => {
  it('is nowhere in src/: constants only, typed read-only', () => {
    expect(sourceFiles('src').flatMap((file) => moduleState(file))).toEqual([]);
  });

  it('is found when it is there, so the check above can fail', () => {
    const text = ['let count = 0;', 'const cache = new Map<string, number>();', 'const seen = new WeakMap<object, number>();', 'const KINDS: ReadonlySet<string> = new Set(["a"]);'].join('\n');
    expect(moduleState('example.ts', text)).toEqual([
      'example.ts:1 count is a module-level let or var',
      'example.ts:2 cache is a module-level Map (a constant table is typed ReadonlyMap)',
      'example.ts:3 seen is a module-level WeakMap (a constant table is typed ReadonlyMap)',
    ]);
  });
});
