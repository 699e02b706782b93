import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountFor, coveredThrough, hasGap } from './seq-tracker';

describe('seq tracker', () => {
  it('reaches the highest seq with no gap once every seq is accounted for, in any order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          [...Array(30).keys()].map((i) => i + 1),
          { minLength: 30 },
        ),
        (order) => {
          let state = { appliedSeq: 0, aheadSeqs: [] as readonly number[] };
          for (const seq of order) state = accountFor(state, [seq]);
          expect(state).toEqual({ appliedSeq: 30, aheadSeqs: [] });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reports a gap until history covers it', () => {
    let state = accountFor({ appliedSeq: 0, aheadSeqs: [] }, [1, 2, 5, 7]);
    expect(state).toEqual({ appliedSeq: 2, aheadSeqs: [5, 7] });
    expect(hasGap(state)).toBe(true);
    state = coveredThrough(state, 4);
    expect(state).toEqual({ appliedSeq: 5, aheadSeqs: [7] });
    state = coveredThrough(state, 7);
    expect(state).toEqual({ appliedSeq: 7, aheadSeqs: [] });
    expect(hasGap(state)).toBe(false);
  });
});
