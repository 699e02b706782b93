// The body of a 'wrap' envelope (docs/protocol.md §6.5): fixed-size entries, one per recipient
// device, in strictly ascending device-id order (so there is one encoding and no duplicates):
//   recipientDevice 16 | enc 32 (HPKE encapsulated key) | HPKE ciphertext 48 (epoch secret + tag)
// The body is not encrypted as a whole: each entry is its own HPKE ciphertext, and the envelope
// signature covers all of them.
import { CryptoError } from '../errors';
import { assertLength } from '../primitives/bytes';
import { WRAP_ENTRIES_PER_ENVELOPE } from './group-limits';
import { compareDeviceIds } from './group-member';

export const WRAP_ENC_LENGTH = 32;
export const WRAP_CIPHERTEXT_LENGTH = 48;
export const WRAP_ENTRY_LENGTH = 16 + WRAP_ENC_LENGTH + WRAP_CIPHERTEXT_LENGTH;

export interface WrapEntry {
  readonly recipientDevice: Uint8Array;
  readonly enc: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** Encodes entries that are already in ascending device-id order. */
export function encodeWrapEntries(entries: readonly WrapEntry[]): Uint8Array {
  if (entries.length === 0 || entries.length > WRAP_ENTRIES_PER_ENVELOPE) {
    throw new CryptoError('bad_input', 'wrap entry count out of range');
  }
  const out = new Uint8Array(entries.length * WRAP_ENTRY_LENGTH);
  entries.forEach((e, i) => {
    assertLength(e.recipientDevice, 16, 'recipient device id');
    assertLength(e.enc, WRAP_ENC_LENGTH, 'HPKE enc');
    assertLength(e.ciphertext, WRAP_CIPHERTEXT_LENGTH, 'HPKE ciphertext');
    const prev = entries[i - 1];
    if (prev && compareDeviceIds(prev.recipientDevice, e.recipientDevice) >= 0) {
      throw new CryptoError('bad_input', 'wrap entries must be in ascending device order');
    }
    const at = i * WRAP_ENTRY_LENGTH;
    out.set(e.recipientDevice, at);
    out.set(e.enc, at + 16);
    out.set(e.ciphertext, at + 16 + WRAP_ENC_LENGTH);
  });
  return out;
}

function entryAt(body: Uint8Array, i: number): WrapEntry {
  const at = i * WRAP_ENTRY_LENGTH;
  return {
    recipientDevice: body.subarray(at, at + 16),
    enc: body.subarray(at + 16, at + 16 + WRAP_ENC_LENGTH),
    ciphertext: body.subarray(at + 16 + WRAP_ENC_LENGTH, at + WRAP_ENTRY_LENGTH),
  };
}

/** Strict decode: whole entries only, 1..WRAP_ENTRIES_PER_ENVELOPE of them, ascending ids. */
export function decodeWrapEntries(body: Uint8Array): WrapEntry[] {
  const count = body.length / WRAP_ENTRY_LENGTH;
  if (!Number.isInteger(count) || count < 1 || count > WRAP_ENTRIES_PER_ENVELOPE) {
    throw new CryptoError('bad_input', 'malformed wrap body');
  }
  const entries: WrapEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e = entryAt(body, i);
    const prev = entries[i - 1];
    if (prev && compareDeviceIds(prev.recipientDevice, e.recipientDevice) >= 0) {
      throw new CryptoError('bad_input', 'wrap entries out of order');
    }
    entries.push(e);
  }
  return entries;
}

/** The entry for `deviceId`, or undefined when this envelope carries none for it. */
export function findWrapEntry(entries: readonly WrapEntry[], deviceId: Uint8Array): WrapEntry | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const e = entries[mid] as WrapEntry;
    const c = compareDeviceIds(e.recipientDevice, deviceId);
    if (c === 0) return e;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
