/** Catching a slip of the keyboard: `clik` for click, `/abuot` for /about. */

/** Edit distance, counting two swapped neighbours as one slip (`hepl` → `help`). */
export function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** The candidate `word` is most likely a typo of, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Two slips are only a typo in a long word; in a short one they make a different word ("hello" isn't "help").
  const allowed = (candidate: string) => (Math.min(candidate.length, word.length) >= 5 ? 2 : 1);
  const scored = candidates.map((candidate) => ({ candidate, score: distance(word.toLowerCase(), candidate.toLowerCase()) }));
  const best = scored.filter(({ candidate, score }) => candidate.length > 2 && score > 0 && score <= allowed(candidate)).sort((a, b) => a.score - b.score)[0];
  return best?.candidate;
}
