/**
 * A fixed log-scale latency histogram: mergeable, constant memory, percentiles within ±12.5%.
 * Bucket k holds durations up to BASE * FACTOR^k milliseconds.
 */
const BASE = 0.5;
const FACTOR = 1.25;
const BUCKETS = 72;

export type LatencyHistogram = number[];

export function emptyHistogram(): LatencyHistogram {
  return new Array<number>(BUCKETS).fill(0);
}

export function record(histogram: LatencyHistogram, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) return;
  const k = ms <= BASE ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / BASE) / Math.log(FACTOR)));
  histogram[k]!++;
}

export function mergeHistogram(into: LatencyHistogram, from: LatencyHistogram): void {
  for (let k = 0; k < BUCKETS; k++) into[k]! += from[k]!;
}

/** The upper edge of the bucket holding the q-quantile (0 < q ≤ 1); undefined when empty. */
export function percentile(histogram: LatencyHistogram, q: number): number | undefined {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let k = 0; k < BUCKETS; k++) {
    seen += histogram[k]!;
    if (seen >= rank) return Math.round(BASE * FACTOR ** k * 100) / 100;
  }
  return undefined;
}
