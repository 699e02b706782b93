// Sessions per peer device, Sesame-style (docs/protocol.md §5.9). Two devices can each start a
// session with the other at the same moment, so a device may hold more than one session with a
// peer device: it sends on the active one and can still open messages on the others; the session
// that last opened a message becomes active, and both sides converge on one session.
import { wipe } from '../primitives/bytes';
import { collectSecrets } from '../ratchet/ratchet-dispose';
import type { RatchetState } from '../ratchet/ratchet-state';

/** Inactive sessions kept per peer device, newest first (each costs a trial decrypt at most). */
export const MAX_INACTIVE_SESSIONS = 4;

export interface DeviceSessions {
  readonly active: RatchetState;
  readonly inactive: readonly RatchetState[];
}

/**
 * Sessions of one local device keyed by the peer device id as 32 lowercase hex characters.
 * Structured-clonable (a Map of plain objects), like the states in it.
 */
export type SessionMap = ReadonlyMap<string, DeviceSessions>;

export function sessionStates(entry: DeviceSessions): RatchetState[] {
  return [entry.active, ...entry.inactive];
}

/**
 * The entry after `next` has been used: it becomes active. `replaced` is the state it succeeds
 * (the same session before this step), if any; every other session is kept, the former active one
 * first, up to MAX_INACTIVE_SESSIONS.
 */
export function withActive(
  entry: DeviceSessions | undefined,
  next: RatchetState,
  replaced: RatchetState | undefined,
): DeviceSessions {
  if (!entry) return { active: next, inactive: [] };
  const others = sessionStates(entry).filter((s) => s !== replaced);
  return { active: next, inactive: others.slice(0, MAX_INACTIVE_SESSIONS) };
}

function secretsOf(entry: DeviceSessions, out: Set<Uint8Array>): void {
  for (const s of sessionStates(entry)) collectSecrets(s, out);
}

/**
 * Zeroes every secret of `old` that `next` no longer holds: retired chain keys, consumed skipped
 * keys, evicted sessions and sessions of dropped devices. Call once `next` is stored; `old` must not
 * be used afterwards. Entries that did not change are skipped without a walk.
 */
export function disposeSessionMap(old: SessionMap, next: SessionMap): void {
  for (const [device, before] of old) {
    const after = next.get(device);
    if (after === before) continue;
    const keep = new Set<Uint8Array>();
    if (after) secretsOf(after, keep);
    const mine = new Set<Uint8Array>();
    secretsOf(before, mine);
    for (const secret of mine) if (!keep.has(secret)) wipe(secret);
  }
}
