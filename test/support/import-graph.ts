import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every .ts file below `dir` (relative to the root), as root-relative paths with `/`. */
export function sourceFiles(dir: string): string[] {
  const walk = (relative: string): string[] =>
    readdirSync(path.join(ROOT, relative)).flatMap((name) => {
      const child = `${relative}/${name}`;
      if (statSync(path.join(ROOT, child)).isDirectory()) return walk(child);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [child] : [];
    });
  return walk(dir).sort();
}

export interface FileImports {
  /** Root-relative paths of the project files this file imports (type-only imports included). */
  readonly local: readonly string[];
  /** Package specifiers it imports (`discord.js`, `zod`, `node:fs`). */
  readonly packages: readonly string[];
}

/**
 * What one file imports, read by TypeScript's own pre-processor, so `import type`, re-exports and
 * dynamic `import()` of a literal all count: a type-only import is still a dependency.
 */
export function importsOf(file: string): FileImports {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  const local: string[] = [];
  const packages: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (fileName.startsWith('.')) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
      local.push(resolved.replace(/\.js$/, '.ts'));
    } else {
      packages.push(fileName);
    }
  }
  return { local, packages };
}

/** Every circle of imports among `files` (strongly connected components of more than one file, or a file importing itself). */
export function importCircles(files: readonly string[]): string[][] {
  const inSet = new Set(files);
  const edges = new Map(files.map((file) => [file, importsOf(file).local.filter((target) => inSet.has(target))]));
  // Tarjan's algorithm, iterative over the recursion it would otherwise need.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (start: string) => {
    const work: Array<{ file: string; next: number }> = [{ file: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.file) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) === index.get(frame.file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.file);
        if (component.length > 1 || (edges.get(frame.file) ?? []).includes(frame.file)) circles.push(component.sort());
      }
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles;
}
