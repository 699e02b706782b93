// The Double Ratchet session state between two devices (docs/protocol.md §5.5, §5.10). A plain
// structured-clonable object of Uint8Arrays, numbers, strings, arrays and nulls, so the engine can
// put it in IndexedDB as it is; `version` names its layout. Functions never mutate a state: each
// returns a new one that may share unchanged buffers with the old (see disposeRatchetState).
import type { KeyPair } from '../primitives/ed25519';
import type { PrekeyHeader } from '../x3dh/x3dh';

export const RATCHET_STATE_VERSION = 1;

const DAY_MS = 24 * 60 * 60 * 1000;
/** At most this many message keys are skipped in one chain (§5.8); more is too_many_skipped. */
export const MAX_SKIP = 1000;
/** At most this many skipped message keys are kept; the oldest are evicted first (§5.8). */
export const MAX_SKIPPED_KEYS = 2000;
/** A skipped message key older than this is dropped (§5.8). */
export const SKIPPED_KEY_TTL_MS = 30 * DAY_MS;
/** How many of the peer's earlier ratchet keys are remembered, to name a replay as such (§5.7). */
export const MAX_OLD_RATCHET_KEYS = 16;

export interface ChainState {
  readonly key: Uint8Array;
  /** The number of the next message in this chain. */
  readonly n: number;
}

export interface SkippedKey {
  /** The peer's ratchet public key of the chain the key belongs to. */
  readonly ratchetKey: Uint8Array;
  readonly n: number;
  readonly messageKey: Uint8Array;
  /** When the key was skipped (callers' clock, ms); it expires SKIPPED_KEY_TTL_MS later. */
  readonly storedAt: number;
}

export interface RatchetState {
  readonly version: typeof RATCHET_STATE_VERSION;
  /** Whether this device started the session with X3DH (initiator) or answered it. */
  readonly role: 'initiator' | 'responder';
  readonly localDevice: Uint8Array;
  readonly remoteDevice: Uint8Array;
  /** The peer device's X25519 agreement key (its X3DH identity key). */
  readonly remoteIdentityKey: Uint8Array;
  /** EK_A, the initiator's X3DH base key: names the X3DH run this session came from. */
  readonly baseKey: Uint8Array;
  /** The X3DH associated data, bound into every root-key step (§5.5). */
  readonly ad: Uint8Array;
  readonly rootKey: Uint8Array;
  /** DHs: our current ratchet key pair. */
  readonly sendingRatchet: KeyPair;
  /** DHr: the peer's current ratchet public key (null until the first message arrives). */
  readonly remoteRatchetKey: Uint8Array | null;
  readonly sendingChain: ChainState | null;
  readonly receivingChain: ChainState | null;
  /** PN: the length of our previous sending chain. */
  readonly previousCounter: number;
  /** Oldest first. */
  readonly skipped: readonly SkippedKey[];
  /** The peer's ratchet keys before remoteRatchetKey, newest last, at most MAX_OLD_RATCHET_KEYS. */
  readonly oldRemoteRatchetKeys: readonly Uint8Array[];
  /** Set on the initiator until its first reply opens: every message until then is a prekey message. */
  readonly pendingPrekey: PrekeyHeader | null;
  readonly createdAt: number;
}
