// A deterministic Random for frozen vectors and reproducible tests. Never use outside tests.
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Random } from '../src/primitives/random';

/** ChaCha20 keystream keyed by SHA-256(seed): the same seed always yields the same bytes. */
export function seededRandom(seed: string): Random {
  const key = sha256(utf8ToBytes(seed));
  let counter = 0;
  return (length) => {
    const nonce = new Uint8Array(12);
    new DataView(nonce.buffer).setUint32(8, counter++, false);
    return chacha20(key, nonce, new Uint8Array(length));
  };
}
