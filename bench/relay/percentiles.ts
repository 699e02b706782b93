// Latency summaries for the relay bench: nearest-rank percentiles over every sample (no
// histogram buckets, so p99 and max are the measured values, not bucket edges).

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile of an ascending array: the smallest sample such that at least
 * `q` of all samples are at or below it. NaN for no samples.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (!(q > 0 && q <= 1)) throw new RangeError('q must be in (0, 1]');
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.ceil(q * n);
  return sorted[Math.min(n, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Sorts a copy (samples are left as they are) and summarises it. */
export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
  };
}
