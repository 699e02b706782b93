import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PositionTracker } from './position-tracker';

describe('PositionTracker', () => {
  it('accepts each position once whatever the order and repeats, and closes up to the highest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 200 }),
        (start, offsets) => {
          const t = new PositionTracker(start);
          const accepted: number[] = [];
          for (const o of offsets) if (t.mark(start + o)) accepted.push(start + o);
          const distinct = [...new Set(offsets)].map((o) => start + o);
          expect([...accepted].sort((x, y) => x - y)).toEqual([...distinct].sort((x, y) => x - y));
          const max = Math.max(...distinct);
          expect(t.highest).toBe(max);
          // The watermark stops below the first missing position; a gap is reported until then.
          let through = start;
          while (distinct.includes(through + 1)) through++;
          expect(t.handledThrough).toBe(through);
          expect(t.hasGap).toBe(through < max);
          // Reading the database up to `max` settles every hole for good.
          t.settle(max);
          expect([t.handledThrough, t.hasGap, t.mark(start + 1)]).toEqual([max, false, false]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses positions at or below the starting watermark', () => {
    const t = new PositionTracker(10);
    expect([t.mark(10), t.mark(3), t.mark(11), t.mark(11)]).toEqual([false, false, true, false]);
    expect(t.handledThrough).toBe(11);
  });
});
