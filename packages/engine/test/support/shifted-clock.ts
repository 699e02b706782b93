// Test double: a Clock that runs in real time but that a test can move forward (days at once).
// Timers fire on real time like the system clock's, and advance(ms) fires at once every timer
// that falls due in the moved time. For real engines against a real relay, where a ManualClock
// would stop every timer the engine relies on (receipts, settling catch-ups, backoff).
import type { Clock } from '../../src/ports/clock';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
  real: ReturnType<typeof setTimeout>;
}

export class ShiftedClock implements Clock {
  private offset = 0;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    const timer: Timer = {
      id,
      at: this.now() + Math.max(0, ms),
      fn,
      real: setTimeout(() => this.fire(id), ms),
    };
    this.timers.set(id, timer);
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle !== 'number') return;
    const timer = this.timers.get(handle);
    if (timer) clearTimeout(timer.real);
    this.timers.delete(handle);
  }

  /** Moves time forward by `ms`, firing (in order) each timer that falls due meanwhile. */
  advance(ms: number): void {
    this.offset += ms;
    const due = [...this.timers.values()]
      .filter((t) => t.at <= this.now())
      .sort((a, b) => a.at - b.at || a.id - b.id);
    for (const t of due) this.fire(t.id);
  }

  private fire(id: number): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    clearTimeout(timer.real);
    this.timers.delete(id);
    timer.fn();
  }
}
