// X25519 key agreement with a WebCrypto backend and a noble backend. Both refuse an all-zero
// shared secret (a small-order peer key), as RFC 9180 §7.1.4 and X3DH require.
import { x25519 as noble } from '@noble/curves/ed25519.js';
import { CryptoError } from '../errors';
import { assertLength, hexToBytes } from './bytes';
import type { KeyPair } from './ed25519';
import { generateWithWebCrypto, KeyCache } from './key-cache';
import { type Random, systemRandom } from './random';

export interface X25519 {
  readonly backend: 'webcrypto' | 'noble';
  generateKeyPair(): Promise<KeyPair>;
  publicKeyOf(privateKey: Uint8Array): Promise<Uint8Array>;
  /** The 32-byte shared secret. Throws CryptoError('bad_key') for an invalid or small-order peer key. */
  sharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array>;
}

function assertNonZero(secret: Uint8Array): Uint8Array {
  let acc = 0;
  for (const b of secret) acc |= b;
  if (acc === 0) throw new CryptoError('bad_key', 'X25519 public key is of small order');
  return secret;
}

function nobleShared(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  assertLength(privateKey, 32, 'X25519 private key');
  assertLength(publicKey, 32, 'X25519 public key');
  let out: Uint8Array;
  try {
    out = noble.getSharedSecret(privateKey, publicKey);
  } catch (cause) {
    throw new CryptoError('bad_key', 'X25519 public key is of small order', { cause });
  }
  return assertNonZero(out);
}

export function nobleX25519(random: Random): X25519 {
  return {
    backend: 'noble',
    async generateKeyPair() {
      const privateKey = random(32);
      return { privateKey, publicKey: noble.getPublicKey(privateKey) };
    },
    async publicKeyOf(privateKey) {
      assertLength(privateKey, 32, 'X25519 private key');
      return noble.getPublicKey(privateKey);
    },
    async sharedSecret(privateKey, publicKey) {
      return nobleShared(privateKey, publicKey);
    },
  };
}

const BASE_POINT = hexToBytes('0900000000000000000000000000000000000000000000000000000000000000');

export function webCryptoX25519(subtle: SubtleCrypto, random: Random): X25519 {
  const cache = new KeyCache();

  const privateHandle = (privateKey: Uint8Array) => cache.privateKey(subtle, privateKey, 'X25519');

  // X25519(k, 9) is the public key: deriving against the base point costs one derivation, far
  // less than noble's getPublicKey, once the private key's handle is cached.
  async function publicKeyOf(privateKey: Uint8Array): Promise<Uint8Array> {
    const base = await cache.publicKey(subtle, BASE_POINT, 'X25519', []);
    const priv = await privateHandle(privateKey);
    return new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: base }, priv, 256));
  }

  return {
    backend: 'webcrypto',
    async generateKeyPair() {
      if (random === systemRandom) return generateWithWebCrypto(subtle, 'X25519', cache);
      const privateKey = random(32);
      return { privateKey, publicKey: await publicKeyOf(privateKey) };
    },
    publicKeyOf,
    async sharedSecret(privateKey, publicKey) {
      assertLength(publicKey, 32, 'X25519 public key');
      const priv = await privateHandle(privateKey);
      let bits: ArrayBuffer;
      try {
        const pub = await cache.publicKey(subtle, publicKey, 'X25519', []);
        bits = await subtle.deriveBits({ name: 'X25519', public: pub }, priv, 256);
      } catch (cause) {
        // Runtimes refuse an all-zero output themselves; name it the same way noble's path does.
        throw new CryptoError('bad_key', 'X25519 public key is of small order', { cause });
      }
      return assertNonZero(new Uint8Array(bits));
    },
  };
}
