// Ed25519 device signatures with two interchangeable backends: WebCrypto (fast where the runtime
// has it) and @noble/curves (everywhere). Both apply ed25519-policy.ts first, so they accept and
// reject exactly the same signatures. See docs/protocol.md §2.1.
import { ed25519 as noble } from '@noble/curves/ed25519.js';
import { CryptoError } from '../errors';
import { assertLength, bufferSource, concatBytes, hexToBytes } from './bytes';
import { acceptablePublicKey, acceptableSignature } from './ed25519-policy';
import type { Random } from './random';

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

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const PKCS8_PREFIX = hexToBytes('302e020100300506032b657004220420');

/**
 * Imported keys are cached: importKey costs about as much as a signature. Private keys are keyed
 * by the identity of their Uint8Array (callers keep one array per key); public keys by value in a
 * bounded map.
 */
class KeyCache {
  private readonly priv = new WeakMap<Uint8Array, CryptoKey>();
  private readonly pub = new Map<string, CryptoKey>();
  constructor(private readonly max = 4096) {}
  getPrivate(k: Uint8Array) {
    return this.priv.get(k);
  }
  setPrivate(k: Uint8Array, v: CryptoKey) {
    this.priv.set(k, v);
  }
  getPublic(k: string) {
    return this.pub.get(k);
  }
  setPublic(k: string, v: CryptoKey) {
    if (this.pub.size >= this.max) {
      const oldest = this.pub.keys().next().value;
      if (oldest !== undefined) this.pub.delete(oldest);
    }
    this.pub.set(k, v);
  }
}

function keyId(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

export function webCryptoEd25519(subtle: SubtleCrypto, random: Random): Ed25519 {
  const cache = new KeyCache();
  const alg = { name: 'Ed25519' };

  async function privateHandle(privateKey: Uint8Array): Promise<CryptoKey> {
    assertLength(privateKey, 32, 'Ed25519 private key');
    const hit = cache.getPrivate(privateKey);
    if (hit) return hit;
    const pkcs8 = concatBytes(PKCS8_PREFIX, privateKey);
    try {
      const key = await subtle.importKey('pkcs8', bufferSource(pkcs8), alg, false, ['sign']);
      cache.setPrivate(privateKey, key);
      return key;
    } finally {
      pkcs8.fill(0);
    }
  }

  async function publicHandle(publicKey: Uint8Array): Promise<CryptoKey> {
    const id = keyId(publicKey);
    const hit = cache.getPublic(id);
    if (hit) return hit;
    const key = await subtle.importKey('raw', bufferSource(publicKey), alg, false, ['verify']);
    cache.setPublic(id, key);
    return key;
  }

  return {
    backend: 'webcrypto',
    async generateKeyPair() {
      const privateKey = random(32);
      return { privateKey, publicKey: await this.publicKeyOf(privateKey) };
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
        return await subtle.verify(
          alg,
          await publicHandle(publicKey),
          bufferSource(signature),
          bufferSource(message),
        );
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
