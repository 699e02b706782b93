// Plaintext padding to 256-byte buckets (docs/protocol.md §7.3), so that the relay learns only a
// length bucket. ISO/IEC 7816-4 style: append 0x80, then zeros up to the next multiple of 256.
// A plaintext that is already a multiple of 256 still gains a whole bucket (the marker must fit).
import { CryptoError } from '../errors';

export const PAD_BUCKET = 256;

export function pad(plaintext: Uint8Array): Uint8Array {
  const padded = new Uint8Array((Math.floor(plaintext.length / PAD_BUCKET) + 1) * PAD_BUCKET);
  padded.set(plaintext);
  padded[plaintext.length] = 0x80;
  return padded;
}

export function unpad(padded: Uint8Array): Uint8Array {
  if (padded.length === 0 || padded.length % PAD_BUCKET !== 0) {
    throw new CryptoError('bad_input', 'padded plaintext is not a whole number of buckets');
  }
  // The marker must sit in the last bucket: more than one bucket of zeros is not our padding.
  const floor = padded.length - PAD_BUCKET;
  for (let i = padded.length - 1; i >= floor; i--) {
    const b = padded[i];
    if (b === 0x80) return padded.subarray(0, i);
    if (b !== 0) break;
  }
  throw new CryptoError('bad_input', 'bad padding');
}
