// Skipped message keys (docs/protocol.md §6.4): when a message arrives ahead of its chain, the keys
// of the indices passed over are kept so that their messages can still be opened when they arrive.
// One store per group, oldest first, capped at MAX_SKIPPED_PER_GROUP over every sender and held
// epoch: past the cap the oldest key is wiped, and its message can no longer be opened.
import { wipe } from '../primitives/bytes';
import { MAX_SKIPPED_PER_GROUP } from './group-limits';

export interface SkippedKeys {
  /** `${chainId}:${index}` -> message key, in insertion order (oldest first). */
  readonly keys: Map<string, Uint8Array>;
  /** chainId -> how many of its keys are stored, so in-order traffic skips the clean-up. */
  readonly perChain: Map<string, number>;
}

/** A receive chain's id: `${epoch}:${sender device hex}`. */
export function chainIdOf(epoch: number, senderKey: string): string {
  return `${epoch}:${senderKey}`;
}

export function createSkippedKeys(): SkippedKeys {
  return { keys: new Map(), perChain: new Map() };
}

function adjust(store: SkippedKeys, chainId: string, delta: number): void {
  const n = (store.perChain.get(chainId) ?? 0) + delta;
  if (n > 0) store.perChain.set(chainId, n);
  else store.perChain.delete(chainId);
}

export function getSkipped(store: SkippedKeys, chainId: string, index: number): Uint8Array | undefined {
  return store.keys.get(`${chainId}:${index}`);
}

export function removeSkipped(store: SkippedKeys, chainId: string, index: number): void {
  const id = `${chainId}:${index}`;
  const key = store.keys.get(id);
  if (key === undefined) return;
  wipe(key);
  store.keys.delete(id);
  adjust(store, chainId, -1);
}

/** Stores keys for indices firstIndex, firstIndex + 1, ..., then evicts the oldest past the cap. */
export function addSkipped(
  store: SkippedKeys,
  chainId: string,
  firstIndex: number,
  keys: readonly Uint8Array[],
): void {
  if (keys.length === 0) return;
  keys.forEach((key, i) => {
    store.keys.set(`${chainId}:${firstIndex + i}`, key);
  });
  adjust(store, chainId, keys.length);
  while (store.keys.size > MAX_SKIPPED_PER_GROUP) {
    const oldest = store.keys.entries().next().value;
    if (oldest === undefined) break;
    const [id, key] = oldest;
    wipe(key);
    store.keys.delete(id);
    adjust(store, id.slice(0, id.lastIndexOf(':')), -1);
  }
}

/** Wipes a chain's keys for indices in [from, to): they fell below its replay window. */
export function dropSkippedBelow(store: SkippedKeys, chainId: string, from: number, to: number): void {
  for (let i = from; i < to && store.perChain.has(chainId); i++) removeSkipped(store, chainId, i);
}

/** Wipes every key of one epoch, when the epoch is dropped. */
export function dropSkippedOfEpoch(store: SkippedKeys, epoch: number): void {
  const prefix = `${epoch}:`;
  for (const [id, key] of store.keys) {
    if (!id.startsWith(prefix)) continue;
    wipe(key);
    store.keys.delete(id);
  }
  for (const chainId of store.perChain.keys()) if (chainId.startsWith(prefix)) store.perChain.delete(chainId);
}
