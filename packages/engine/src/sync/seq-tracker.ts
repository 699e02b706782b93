// Per-conversation relay seq bookkeeping (DESIGN.md §3 "Gaps in seq trigger a fetch"). The relay
// numbers every message of a conversation 1, 2, 3... without gaps, but this device does not
// receive every seq: its own sends come back only as receipts, and copies for other devices are
// not its own. appliedSeq is the highest seq below which everything is accounted for; seqs above
// it that are accounted for wait in aheadSeqs until the gap below them is filled or explained.

export interface SeqState {
  readonly appliedSeq: number;
  readonly aheadSeqs: readonly number[];
}

function absorb(applied: number, ahead: number[]): SeqState {
  let appliedSeq = applied;
  const rest = ahead.filter((s) => s > appliedSeq).sort((a, b) => a - b);
  while (rest[0] === appliedSeq + 1) {
    appliedSeq++;
    rest.shift();
  }
  return { appliedSeq, aheadSeqs: [...new Set(rest)] };
}

/** `seqs` are now accounted for (applied, placeholdered, or acknowledged as our own). */
export function accountFor(state: SeqState, seqs: readonly number[]): SeqState {
  return absorb(state.appliedSeq, [...state.aheadSeqs, ...seqs]);
}

/** The relay's history covered every seq up to `throughSeq`: nothing below it is missing. */
export function coveredThrough(state: SeqState, throughSeq: number): SeqState {
  return absorb(Math.max(state.appliedSeq, throughSeq), [...state.aheadSeqs]);
}

export function hasGap(state: SeqState): boolean {
  return state.aheadSeqs.length > 0;
}

export function seqStateOf(row: {
  readonly appliedSeq: number;
  readonly aheadSeqs?: readonly number[] | undefined;
}): SeqState {
  return { appliedSeq: row.appliedSeq, aheadSeqs: row.aheadSeqs ?? [] };
}
