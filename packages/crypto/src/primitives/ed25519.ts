// Ed25519 device signatures with two interchangeable backends: WebCrypto (fast where the runtime
// has it) and @noble/curves (everywhere). Both apply ed25519-policy.ts first, so they accept and
// reject exactly the same signatures. See docs/protocol.md §2.1.
import { ed25519 as noble } from '@noble/curves/ed25519.js';
import { CryptoError } from '../errors';
import { assertLength, bufferSource } from './bytes';
import { acceptablePublicKey, acceptableSignature } from './ed25519-policy';
import { generateWithWebCrypto, KeyCache } from './key-cache';
import { type Random, systemRandom } from './random';

export interface KeyPair {
  /** 32-byte secret (the Ed25519 seed, or the X25519 scalar). Wipe it when done. */
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export interface Ed25519 {
  readonly backend: 'webcrypto' | 'noble';
  generateKeyPair(): Promise<KeyPair>;
  publicKeyOf(privateKey: Uint8Array): Promise<Uint8Array>;
  sign(privateKey: Uint8Array, message: Uint8Array): Promise<Uint8Array>;
  /** False for any signature the shared policy rejects or the backend fails to verify. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export function nobleEd25519(random: Random): Ed25519 {
  return {
    backend: 'noble',
    async generateKeyPair() {
      const privateKey = random(32);
      return { privateKey, publicKey: noble.getPublicKey(privateKey) };
    },
    async publicKeyOf(privateKey) {
      assertLength(privateKey, 32, 'Ed25519 private key');
      return noble.getPublicKey(privateKey);
    },
    async sign(privateKey, message) {
      assertLength(privateKey, 32, 'Ed25519 private key');
      return noble.sign(message, privateKey);
    },
    async verify(publicKey, message, signature) {
      if (!acceptableSignature(publicKey, signature)) return false;
      try {
        return noble.verify(signature, message, publicKey, { zip215: false });
      } catch {
        return false;
      }
    },
  };
}

export function webCryptoEd25519(subtle: SubtleCrypto, random: Random): Ed25519 {
  const cache = new KeyCache();
  const alg = { name: 'Ed25519' };

  const privateHandle = (privateKey: Uint8Array) => cache.privateKey(subtle, privateKey, 'Ed25519');

  return {
    backend: 'webcrypto',
    async generateKeyPair() {
      if (random === systemRandom) return generateWithWebCrypto(subtle, 'Ed25519', cache);
      const privateKey = random(32);
      return { privateKey, publicKey: noble.getPublicKey(privateKey) };
    },
    async publicKeyOf(privateKey) {
      // WebCrypto cannot export a public key from a non-extractable private key, and the
      // derivation is cheap next to a signature, so noble derives it.
      assertLength(privateKey, 32, 'Ed25519 private key');
      return noble.getPublicKey(privateKey);
    },
    async sign(privateKey, message) {
      const key = await privateHandle(privateKey);
      return new Uint8Array(await subtle.sign(alg, key, bufferSource(message)));
    },
    async verify(publicKey, message, signature) {
      if (!acceptableSignature(publicKey, signature)) return false;
      try {
        const key = await cache.publicKey(subtle, publicKey, 'Ed25519', ['verify']);
        return await subtle.verify(alg, key, bufferSource(signature), bufferSource(message));
      } catch {
        return false;
      }
    },
  };
}

/** Throws unless the key is one the shared policy accepts (used when keys enter from the wire). */
export function assertEd25519PublicKey(publicKey: Uint8Array, what = 'Ed25519 public key'): void {
  if (!acceptablePublicKey(publicKey)) throw new CryptoError('bad_key', `${what} is invalid`);
}
