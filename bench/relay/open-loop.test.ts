import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueAt, dueCount, scheduleFor } from './open-loop';

describe('open-loop schedule', () => {
  it('splits a total rate over senders and staggers them within one interval', () => {
    // 1,000 sends/s over 4 senders: each sends every 4 ms, offset by 1 ms from the previous one.
    const s0 = scheduleFor(0, 1000, 1000, 4, 0);
    const s1 = scheduleFor(0, 1000, 1000, 4, 1);
    expect(s0.intervalNs).toBe(4e6);
    expect(s1.startNs - s0.startNs).toBe(1e6);
    const total = [0, 1, 2, 3].reduce((sum, i) => sum + scheduleFor(0, 1000, 1000, 4, i).total, 0);
    expect(total).toBe(1000);
  });

  it('makes messages due by the clock alone, never more than the total', () => {
    const s = scheduleFor(1e9, 100, 100, 1, 0); // every 10 ms for 100 ms
    expect(dueCount(s, 0)).toBe(0);
    expect(dueCount(s, 1e9)).toBe(1);
    expect(dueCount(s, 1e9 + 25e6)).toBe(3);
    expect(dueCount(s, 1e12)).toBe(s.total);
    expect(s.total).toBe(10);
    expect(dueAt(s, 3)).toBe(1e9 + 30e6);
  });

  it('message i is due exactly when dueCount passes i (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.nat(),
        (rate, senders, durationMs, pick) => {
          const s = scheduleFor(5e9, durationMs, rate, senders, pick % senders);
          if (s.total === 0) return;
          const i = pick % s.total;
          expect(dueCount(s, dueAt(s, i))).toBe(i + 1);
          expect(dueCount(s, dueAt(s, i) - 1)).toBe(i);
          expect(dueAt(s, s.total - 1)).toBeLessThan(5e9 + durationMs * 1e6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a sender index outside the senders or a rate of zero', () => {
    expect(() => scheduleFor(0, 1000, 100, 2, 2)).toThrow(RangeError);
    expect(() => scheduleFor(0, 1000, 0, 2, 0)).toThrow(RangeError);
  });
});
