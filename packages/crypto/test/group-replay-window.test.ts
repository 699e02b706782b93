import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPLAY_WINDOW_BITS } from '../src/group/group-limits';
import { createReplayWindow, isFresh, markSeen } from '../src/group/replay-window';

/** The reference: every accepted index in a Set, and "below the window" from the highest. */
class SetModel {
  private readonly seen = new Set<number>();
  private highest = -1;
  fresh(i: number): boolean {
    return !this.seen.has(i) && !(i <= this.highest - REPLAY_WINDOW_BITS);
  }
  accept(i: number): void {
    this.seen.add(i);
    this.highest = Math.max(this.highest, i);
  }
}

// Offsets from the current highest index, weighted towards the window's edges, where an
// off-by-one would show: at the floor, just past the highest, and a whole window ahead.
const W = REPLAY_WINDOW_BITS;
const steps = fc.array(
  fc.oneof(
    fc.integer({ min: -W - 4, max: -W + 4 }),
    fc.integer({ min: -6, max: 6 }),
    fc.integer({ min: W - 4, max: W + 4 }),
    fc.integer({ min: -2 * W, max: 2 * W }),
    fc.constant(0xffffffff),
  ),
  { minLength: 1, maxLength: 400, size: 'max' },
);

describe('replay window', () => {
  it('agrees with a Set model on every index, accepting each fresh one', () => {
    fc.assert(
      fc.property(steps, (deltas) => {
        const w = createReplayWindow();
        const model = new SetModel();
        let highest = 0;
        for (const d of deltas) {
          const i = Math.min(Math.max(highest + d, 0), 0xffffffff);
          const fresh = isFresh(w, i);
          expect(fresh).toBe(model.fresh(i));
          if (fresh) {
            markSeen(w, i);
            model.accept(i);
            highest = Math.max(highest, i);
            expect(isFresh(w, i)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps exactly the last REPLAY_WINDOW_BITS indices', () => {
    const w = createReplayWindow();
    markSeen(w, 5000);
    expect(isFresh(w, 5000 - REPLAY_WINDOW_BITS + 1)).toBe(true);
    expect(isFresh(w, 5000 - REPLAY_WINDOW_BITS)).toBe(false);
    expect(isFresh(w, 5001)).toBe(true);
    markSeen(w, 5000 - REPLAY_WINDOW_BITS + 1);
    expect(isFresh(w, 5000 - REPLAY_WINDOW_BITS + 1)).toBe(false);
    // Sliding by one drops the lowest slot, which must not leak into the new highest index.
    markSeen(w, 5001);
    expect(isFresh(w, 5000 - REPLAY_WINDOW_BITS + 1)).toBe(false);
    expect(isFresh(w, 5002)).toBe(true);
  });
});
