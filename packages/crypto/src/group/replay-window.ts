// Replay window (docs/protocol.md §6.4): per (conversation, sender device, epoch), the highest index
// accepted so far plus a bitmap of the REPLAY_WINDOW_BITS indices ending at it. An index is fresh
// when it is above the highest, or inside the window with its bit clear. Anything below the window
// counts as a replay: the device can no longer tell, and the key is gone anyway.
import { REPLAY_WINDOW_BITS } from './group-limits';

export interface ReplayWindow {
  /** Highest accepted index, or -1 before the first message. */
  highest: number;
  /** Bit (i mod REPLAY_WINDOW_BITS) is set when index i, inside the window, was accepted. */
  readonly seen: Uint32Array;
}

export function createReplayWindow(): ReplayWindow {
  return { highest: -1, seen: new Uint32Array(REPLAY_WINDOW_BITS / 32) };
}

/** Lowest index still inside the window (may be negative before the window fills). */
export function windowFloor(w: ReplayWindow): number {
  return w.highest - REPLAY_WINDOW_BITS + 1;
}

function bitOf(w: ReplayWindow, index: number): boolean {
  const slot = index % REPLAY_WINDOW_BITS;
  return (((w.seen[slot >>> 5] as number) >>> (slot & 31)) & 1) === 1;
}

function setBit(w: ReplayWindow, index: number, on: boolean): void {
  const slot = index % REPLAY_WINDOW_BITS;
  const word = slot >>> 5;
  const mask = 1 << (slot & 31);
  const cur = w.seen[word] as number;
  w.seen[word] = on ? cur | mask : cur & ~mask;
}

/** True when `index` was not accepted before and is not below the window. Changes nothing. */
export function isFresh(w: ReplayWindow, index: number): boolean {
  if (index > w.highest) return true;
  if (index < windowFloor(w)) return false;
  return !bitOf(w, index);
}

/** Records `index` as accepted. Call only after isFresh(w, index) and a successful open. */
export function markSeen(w: ReplayWindow, index: number): void {
  if (index > w.highest) {
    // Slide: the slots of the indices passed over now belong to new, unseen indices.
    if (index - w.highest >= REPLAY_WINDOW_BITS) w.seen.fill(0);
    else for (let i = w.highest + 1; i < index; i++) setBit(w, i, false);
    w.highest = index;
  }
  setBit(w, index, true);
}
