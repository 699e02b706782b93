// AEADs: XChaCha20-Poly1305 with a random 24-byte nonce for content, and the IETF
// ChaCha20-Poly1305 (12-byte nonce) that HPKE's suite names. A failed tag is CryptoError('bad_mac').
import { chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { CryptoError } from '../errors';
import { assertLength } from './bytes';

export const XNONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

type Cipher = typeof chacha20poly1305 | typeof xchacha20poly1305;

function seal(
  cipher: Cipher,
  nonceLength: number,
  key: Uint8Array,
  nonce: Uint8Array,
  pt: Uint8Array,
  aad: Uint8Array,
) {
  assertLength(key, 32, 'AEAD key');
  assertLength(nonce, nonceLength, 'AEAD nonce');
  return cipher(key, nonce, aad).encrypt(pt);
}

function open(
  cipher: Cipher,
  nonceLength: number,
  key: Uint8Array,
  nonce: Uint8Array,
  ct: Uint8Array,
  aad: Uint8Array,
) {
  assertLength(key, 32, 'AEAD key');
  assertLength(nonce, nonceLength, 'AEAD nonce');
  if (ct.length < TAG_LENGTH) throw new CryptoError('bad_input', 'ciphertext shorter than its tag');
  try {
    return cipher(key, nonce, aad).decrypt(ct);
  } catch (cause) {
    throw new CryptoError('bad_mac', 'message authentication failed', { cause });
  }
}

export const xchachaSeal = (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array) =>
  seal(xchacha20poly1305, XNONCE_LENGTH, key, nonce, plaintext, aad);

export const xchachaOpen = (key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array) =>
  open(xchacha20poly1305, XNONCE_LENGTH, key, nonce, ciphertext, aad);

export const chachaSeal = (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array) =>
  seal(chacha20poly1305, 12, key, nonce, plaintext, aad);

export const chachaOpen = (key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array) =>
  open(chacha20poly1305, 12, key, nonce, ciphertext, aad);
