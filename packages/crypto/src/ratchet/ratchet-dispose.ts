// Wiping what a state no longer needs (docs/protocol.md §5.10). Encrypt and decrypt never write to
// their input, so that a failed message leaves the session as it was; the secrets a successful
// step retired (the previous chain key, a consumed skipped key, an old root or ratchet key) still
// sit in the old state object. Once the caller has stored the new state, it disposes the old one.
import { wipe } from '../primitives/bytes';
import type { RatchetState } from './ratchet-state';

/** Adds every secret buffer of `state` to `out` (skipped message keys only when `withSkipped`). */
export function collectSecrets(state: RatchetState, out: Set<Uint8Array>, withSkipped = true): void {
  out.add(state.rootKey);
  out.add(state.sendingRatchet.privateKey);
  if (state.sendingChain) out.add(state.sendingChain.key);
  if (state.receivingChain) out.add(state.receivingChain.key);
  if (withSkipped) for (const k of state.skipped) out.add(k.messageKey);
}

/**
 * Zeroes every secret buffer of `old` that `next` does not share (all of them when `next` is
 * absent, e.g. for a session being dropped). `old` must not be used afterwards.
 */
export function disposeRatchetState(old: RatchetState, next?: RatchetState): void {
  // Sharing the same skipped array (the common case) means no skipped key changed hands.
  const sameSkipped = next !== undefined && next.skipped === old.skipped;
  const keep = new Set<Uint8Array>();
  if (next) collectSecrets(next, keep, !sameSkipped);
  const mine = new Set<Uint8Array>();
  collectSecrets(old, mine, !sameSkipped);
  for (const secret of mine) if (!keep.has(secret)) wipe(secret);
}
