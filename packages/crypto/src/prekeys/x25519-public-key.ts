// The one encoding we accept for an X25519 public key that arrives from outside (docs/protocol.md
// §5.1): 32 bytes, canonical (u < p = 2^255 - 19, so the top bit is clear, as every X25519
// implementation outputs). X25519 itself ignores the top bit, so without this check two byte strings
// would name one key and byte comparisons of keys (identity checks, ratchet-key lookups) could be
// fooled. Small-order keys are refused by the DH itself (an all-zero shared secret is bad_key).
import { CryptoError } from '../errors';

/** True for a canonical little-endian field element below p. Byte-wise, so cheap per message. */
export function isCanonicalX25519(key: Uint8Array): boolean {
  if (key.length !== 32) return false;
  const top = key[31] as number;
  if (top < 0x7f) return true;
  if (top > 0x7f) return false;
  // top == 0x7f: the value is >= p only if bytes 1..30 are all 0xff and byte 0 >= 0xed.
  for (let i = 30; i >= 1; i--) if (key[i] !== 0xff) return true;
  return (key[0] as number) < 0xed;
}

export function assertX25519PublicKey(key: Uint8Array, what: string): void {
  if (!(key instanceof Uint8Array) || !isCanonicalX25519(key)) {
    throw new CryptoError('bad_key', `${what} is not a canonical X25519 public key`);
  }
}
