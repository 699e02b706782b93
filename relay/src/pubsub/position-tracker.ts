// Which envelope positions this relay has already fanned out. `position` is the global,
// gapless, commit-ordered envelope counter (store/sql-envelopes.ts): every send transaction takes
// the next value under one row lock and commits before the next one can, so once position p is
// visible every position below it is committed too. The tracker keeps a contiguous watermark plus
// the few positions seen above it; a hole below the highest seen position is an envelope this
// relay missed (a lost Redis message, a publisher that died between commit and publish), which
// the caller fetches from the database.
export class PositionTracker {
  private above = new Set<number>();
  private max: number;

  /** `watermark`: every position up to it counts as handled (the database head at start). */
  constructor(private watermark: number) {
    this.max = watermark;
  }

  /** Every position up to here has been handled. */
  get handledThrough(): number {
    return this.watermark;
  }

  /** The highest position seen (handled), or the watermark. */
  get highest(): number {
    return this.max;
  }

  /** True while a position between the watermark and the highest one seen is missing. */
  get hasGap(): boolean {
    return this.above.size > 0;
  }

  /** Marks `position` handled; false when it already was (the caller must not deliver it again). */
  mark(position: number): boolean {
    if (position <= this.watermark || this.above.has(position)) return false;
    this.above.add(position);
    if (position > this.max) this.max = position;
    this.advance();
    return true;
  }

  /**
   * Marks every position up to `through` handled: the caller has read the database over that
   * range, so a position it did not find there never will be (it was never committed).
   */
  settle(through: number): void {
    if (through <= this.watermark) return;
    this.watermark = through;
    for (const p of this.above) if (p <= through) this.above.delete(p);
    if (through > this.max) this.max = through;
    this.advance();
  }

  private advance() {
    while (this.above.delete(this.watermark + 1)) this.watermark++;
  }
}
