import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './support.js';

/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or those named) one after another, so
 * they don't compete for the two cores, and prints their figures.
 */
const dir = fileURLToPath(new URL('./', import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();

for (const file of files) {
  const bench = ((await import(pathToFileURL(`${dir}${file}`).href)) as { default: Bench }).default;
  if (wanted.length > 0 && !wanted.some((w) => bench.name.includes(w) || file.includes(w))) continue;
  console.log(`\n## ${bench.name}\n${bench.description}`);
  const started = performance.now();
  const figures = await bench.run();
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(44)} ${value}`);
  console.log(`  (took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
