// Receiving side of a sender chain (docs/protocol.md §6.4). Opening is two-phase: planReceive
// derives the key without changing anything, and commitReceive records the index and moves the
// chain only after the AEAD open succeeded, so a forged or corrupted message changes no state.
import { CryptoError } from '../errors';
import { wipe } from '../primitives/bytes';
import { MAX_SKIP } from './group-limits';
import { createReplayWindow, isFresh, markSeen, type ReplayWindow, windowFloor } from './replay-window';
import type { ChainState } from './sender-chain';
import { chainStep } from './sender-chain';
import { addSkipped, dropSkippedBelow, getSkipped, removeSkipped, type SkippedKeys } from './skipped-keys';

export interface ReceiveChain {
  readonly chain: ChainState;
  readonly window: ReplayWindow;
}

export interface ReceivePlan {
  readonly index: number;
  readonly messageKey: Uint8Array;
  /** True when the key came from the skipped store (which still owns it until commit). */
  readonly fromSkipped: boolean;
  /** Keys of the indices from chain.nextIndex up to index - 1, to be stored as skipped. */
  readonly passed: readonly Uint8Array[];
  /** The chain key for index + 1 (empty when fromSkipped). */
  readonly nextChainKey: Uint8Array;
}

export function createReceiveChain(chainKey0: Uint8Array): ReceiveChain {
  return { chain: { chainKey: chainKey0, nextIndex: 0 }, window: createReplayWindow() };
}

/** Derives the key for `index`. Throws replay or too_many_skipped; never changes state. */
export function planReceive(
  rc: ReceiveChain,
  chainId: string,
  index: number,
  store: SkippedKeys,
): ReceivePlan {
  if (!isFresh(rc.window, index)) throw new CryptoError('replay', 'message index already seen or too old');
  const { chain } = rc;
  if (index < chain.nextIndex) {
    const messageKey = getSkipped(store, chainId, index);
    // Every index below nextIndex was either opened (caught by the window above) or stored as
    // skipped; a missing key was evicted by the per-group cap.
    if (messageKey === undefined)
      throw new CryptoError('too_many_skipped', 'skipped message key was evicted');
    return { index, messageKey, fromSkipped: true, passed: [], nextChainKey: new Uint8Array(0) };
  }
  if (index - chain.nextIndex > MAX_SKIP)
    throw new CryptoError('too_many_skipped', 'message skips too many keys');
  const passed: Uint8Array[] = [];
  let ck = chain.chainKey;
  for (let i = chain.nextIndex; i < index; i++) {
    const step = chainStep(ck);
    passed.push(step.messageKey);
    if (ck !== chain.chainKey) wipe(ck);
    ck = step.nextChainKey;
  }
  const { messageKey, nextChainKey } = chainStep(ck);
  if (ck !== chain.chainKey) wipe(ck);
  return { index, messageKey, fromSkipped: false, passed, nextChainKey };
}

/** Wipes what a plan derived, after a failed open. The stored skipped key stays as it was. */
export function discardPlan(plan: ReceivePlan): void {
  if (plan.fromSkipped) return;
  wipe(plan.messageKey, plan.nextChainKey, ...plan.passed);
}

/** Records a successful open: marks the index, moves the chain, stores or drops skipped keys. */
export function commitReceive(
  rc: ReceiveChain,
  chainId: string,
  plan: ReceivePlan,
  store: SkippedKeys,
): void {
  const floorBefore = Math.max(windowFloor(rc.window), 0);
  markSeen(rc.window, plan.index);
  if (plan.fromSkipped) {
    removeSkipped(store, chainId, plan.index); // wipes the key
  } else {
    addSkipped(store, chainId, rc.chain.nextIndex, plan.passed);
    wipe(rc.chain.chainKey, plan.messageKey);
    rc.chain.chainKey = plan.nextChainKey;
    rc.chain.nextIndex = plan.index + 1;
  }
  dropSkippedBelow(store, chainId, floorBefore, windowFloor(rc.window));
}
