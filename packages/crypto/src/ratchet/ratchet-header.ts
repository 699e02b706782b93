// The ratchet kind header (docs/protocol.md §5.4), carried inside the envelope header and so
// covered by the envelope's AEAD associated data (§7.2).
//
//   offset  size  field
//   0       1     flags: bit 0 = prekey message; every other bit must be 0
//   1       32    DHs: the sender's current ratchet public key
//   33      4     PN: length of the sender's previous sending chain (u32 BE)
//   37      4     N: number of this message in the current sending chain (u32 BE)
//   -- only when flags bit 0 is set (prekey message): --
//   41      32    IK_A: the initiator's identity (agreement) key
//   73      32    EK_A: the initiator's X3DH base key
//   105     4     SPK id (u32 BE)
//   109     4     OPK id (u32 BE), 0xFFFFFFFF when no one-time prekey was used
//   total   41 (normal) or 113 (prekey message)
import { CryptoError } from '../errors';
import { NO_PREKEY_ID } from '../prekeys/prekey-id';
import { isCanonicalX25519 } from '../prekeys/x25519-public-key';
import type { PrekeyHeader } from '../x3dh/x3dh';

export const RATCHET_HEADER_LENGTH = 41;
export const PREKEY_HEADER_LENGTH = 113;
const FLAG_PREKEY = 0x01;

export interface RatchetHeader {
  readonly ratchetKey: Uint8Array;
  readonly previousCounter: number;
  readonly counter: number;
  readonly prekey: PrekeyHeader | null;
}

export function encodeRatchetHeader(h: RatchetHeader): Uint8Array {
  const out = new Uint8Array(h.prekey ? PREKEY_HEADER_LENGTH : RATCHET_HEADER_LENGTH);
  const view = new DataView(out.buffer);
  out[0] = h.prekey ? FLAG_PREKEY : 0;
  out.set(h.ratchetKey, 1);
  view.setUint32(33, h.previousCounter, false);
  view.setUint32(37, h.counter, false);
  if (h.prekey) {
    out.set(h.prekey.identityKey, 41);
    out.set(h.prekey.baseKey, 73);
    view.setUint32(105, h.prekey.signedPrekeyId, false);
    view.setUint32(109, h.prekey.oneTimePrekeyId ?? NO_PREKEY_ID, false);
  }
  return out;
}

/**
 * Strict decode: the length must match the flags exactly, unknown flag bits are refused, and every
 * X25519 key must be in its one canonical encoding (bad_input for all of these).
 */
export function decodeRatchetHeader(bytes: Uint8Array): RatchetHeader {
  const bad = (why: string) => new CryptoError('bad_input', `malformed ratchet header: ${why}`);
  const flags = bytes[0];
  if (flags === undefined || (flags & ~FLAG_PREKEY) !== 0) throw bad('flags');
  const isPrekey = flags === FLAG_PREKEY;
  if (bytes.length !== (isPrekey ? PREKEY_HEADER_LENGTH : RATCHET_HEADER_LENGTH)) throw bad('length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ratchetKey = bytes.slice(1, 33);
  if (!isCanonicalX25519(ratchetKey)) throw bad('ratchet key');
  let prekey: PrekeyHeader | null = null;
  if (isPrekey) {
    const identityKey = bytes.slice(41, 73);
    const baseKey = bytes.slice(73, 105);
    if (!isCanonicalX25519(identityKey) || !isCanonicalX25519(baseKey)) throw bad('prekey part key');
    const opk = view.getUint32(109, false);
    prekey = {
      identityKey,
      baseKey,
      signedPrekeyId: view.getUint32(105, false),
      oneTimePrekeyId: opk === NO_PREKEY_ID ? null : opk,
    };
  }
  return {
    ratchetKey,
    previousCounter: view.getUint32(33, false),
    counter: view.getUint32(37, false),
    prekey,
  };
}
