import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from '../support/import-graph.js';

/**
 * A translated sentence is translated whole: word order differs between languages, so a message
 * glued from translated pieces and untranslated words reads wrong in all but one. Translators are
 * called `t` by convention; this finds `t(…)` next to literal words in a template or a `+`.
 * Joining whole messages with spaces or line breaks is fine.
 */
function gluedFragments(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isTranslation = (node: ts.Node): boolean => ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't';
  const hasWords = (literal: string) => /\p{L}/u.test(literal);
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node)) {
      const literals = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      if (node.templateSpans.some((span) => isTranslation(span.expression)) && literals.some(hasWords)) found.push(`${where(node)} ${node.getText(source)}`);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const sides = [node.left, node.right];
      if (sides.some(isTranslation) && sides.some((side) => ts.isStringLiteralLike(side) && hasWords(side.text))) found.push(`${where(node)} ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('translated messages', () => {
  it('are never glued to untranslated words', () => {
    expect(sourceFiles('src').flatMap((file) => gluedFragments(file))).toEqual([]);
  });

  it('are found glued when they are, so the check above can fail', () => {
    const text = ["const a = `${t('hello')} world`;", "const b = t('hello') + ' world';", "const c = `${t('hello')}\\n${t('bye')}`;"].join('\n');
    expect(gluedFragments('example.ts', text)).toEqual(["example.ts:1 `${t('hello')} world`", "example.ts:2 t('hello') + ' world'"]);
  });
});
