// AEADs: XChaCha20-Poly1305 with a random 24-byte nonce for content, and the IETF
// ChaCha20-Poly1305 (12-byte nonce) that HPKE's suite names. A failed tag is CryptoError('bad_mac').
import { chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { CryptoError } from '../errors';
import { assertLength } from './bytes';

export const XNONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

export function xchachaSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  assertLength(key, 32, 'AEAD key');
  assertLength(nonce, XNONCE_LENGTH, 'XChaCha20 nonce');
  return xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
}

export function xchachaOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  assertLength(key, 32, 'AEAD key');
  assertLength(nonce, XNONCE_LENGTH, 'XChaCha20 nonce');
  if (ciphertext.length < TAG_LENGTH) throw new CryptoError('bad_input', 'ciphertext shorter than its tag');
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(ciphertext);
  } catch (cause) {
    throw new CryptoError('bad_mac', 'message authentication failed', { cause });
  }
}

export function chachaSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  assertLength(key, 32, 'AEAD key');
  assertLength(nonce, 12, 'ChaCha20 nonce');
  return chacha20poly1305(key, nonce, aad).encrypt(plaintext);
}

export function chachaOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  assertLength(key, 32, 'AEAD key');
  assertLength(nonce, 12, 'ChaCha20 nonce');
  if (ciphertext.length < TAG_LENGTH) throw new CryptoError('bad_input', 'ciphertext shorter than its tag');
  try {
    return chacha20poly1305(key, nonce, aad).decrypt(ciphertext);
  } catch (cause) {
    throw new CryptoError('bad_mac', 'message authentication failed', { cause });
  }
}
