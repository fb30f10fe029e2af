/** One measured figure in `tests/bench/results.json`. */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  /** The same measure of a reference taken in the same run, where one exists. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** What was measured and what the baseline is, in a sentence. */
  note?: string;
}

export interface Benchmark {
  name: string;
  run: () => Promise<BenchResult[]>;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Adds `ratio` where a baseline is present. */
export function withRatio(r: BenchResult): BenchResult {
  return r.baseline ? { ...r, ratio: Number((r.value / r.baseline).toFixed(4)) } : r;
}
