/** What a benchmark reports: named figures, printed as one table by `npm run bench`. */
export type Figures = Readonly<Record<string, number | string>>;

export interface Bench {
  readonly name: string;
  /** What the figures mean and what target they are held to, in a sentence. */
  readonly description: string;
  run(): Promise<Figures>;
}

export function defineBench(bench: Bench): Bench {
  return bench;
}

/** The q-quantile (0..1) of samples, nearest-rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Milliseconds with sub-millisecond precision. */
export function now(): number {
  return performance.now();
}
