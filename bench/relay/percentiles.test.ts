import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './percentiles';

describe('percentile (nearest rank)', () => {
  it('picks the smallest sample with at least q of the samples at or below it', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.95)).toBe(10);
    expect(percentile(sorted, 0.1)).toBe(1);
    expect(percentile(sorted, 1)).toBe(10);
  });

  it('p99 of 1,000 samples is the 990th, not an interpolation', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.99)).toBe(990);
  });

  it('is NaN for no samples and refuses q outside (0, 1]', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  it('summarize sorts a copy and reports p50 <= p95 <= p99 <= max, all of them samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (xs) => {
          const before = [...xs];
          const s = summarize(xs);
          expect(xs).toEqual(before);
          expect(s.count).toBe(xs.length);
          expect(s.p50).toBeLessThanOrEqual(s.p95);
          expect(s.p95).toBeLessThanOrEqual(s.p99);
          expect(s.p99).toBeLessThanOrEqual(s.max);
          expect(s.max).toBe(Math.max(...xs));
          for (const v of [s.p50, s.p95, s.p99]) expect(xs).toContain(v);
          // At least half the samples are at or below p50.
          expect(xs.filter((x) => x <= s.p50).length * 2).toBeGreaterThanOrEqual(xs.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});
