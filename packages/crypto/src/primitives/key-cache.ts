// Imported WebCrypto keys, cached: an import costs as much as the operation it enables or more
// (here OpenSSL 3 decodes a PKCS#8 private key in about 1.3-1.8 ms, a raw public key in about
// 0.1 ms, while an X25519 derivation takes about 0.1 ms).
//
// Private keys are keyed by the identity of their Uint8Array: callers keep one array per key, and
// the entry goes when the array is garbage-collected. Wiping the array does not drop the handle.
// Public keys are keyed by value in a bounded, insertion-ordered map.
import { assertLength, bufferSource, concatBytes, hexToBytes } from './bytes';

// PKCS#8 wrappings of a raw 32-byte private key (RFC 8410): the DER prefix differs only in the OID.
const PKCS8_PREFIX = {
  Ed25519: hexToBytes('302e020100300506032b657004220420'),
  X25519: hexToBytes('302e020100300506032b656e04220420'),
} as const;

export class KeyCache {
  private readonly priv = new WeakMap<Uint8Array, CryptoKey>();
  private readonly pub = new Map<string, CryptoKey>();

  constructor(private readonly maxPublic = 4096) {}

  /** The handle of a raw 32-byte private key, imported once as PKCS#8 (RFC 8410). */
  async privateKey(
    subtle: SubtleCrypto,
    bytes: Uint8Array,
    algorithm: 'Ed25519' | 'X25519',
  ): Promise<CryptoKey> {
    assertLength(bytes, 32, `${algorithm} private key`);
    const hit = this.priv.get(bytes);
    if (hit) return hit;
    const pkcs8 = concatBytes(PKCS8_PREFIX[algorithm], bytes);
    try {
      const usages: KeyUsage[] = algorithm === 'X25519' ? ['deriveBits'] : ['sign'];
      const key = await subtle.importKey('pkcs8', bufferSource(pkcs8), { name: algorithm }, false, usages);
      this.priv.set(bytes, key);
      return key;
    } finally {
      pkcs8.fill(0);
    }
  }

  /** Remembers the handle of a key WebCrypto generated, so it is never imported. */
  rememberPrivate(bytes: Uint8Array, key: CryptoKey): void {
    this.priv.set(bytes, key);
  }

  async publicKey(
    subtle: SubtleCrypto,
    bytes: Uint8Array,
    algorithm: string,
    usages: KeyUsage[],
  ): Promise<CryptoKey> {
    const id = keyId(bytes);
    const hit = this.pub.get(id);
    if (hit) return hit;
    const key = await subtle.importKey('raw', bufferSource(bytes), { name: algorithm }, false, usages);
    if (this.pub.size >= this.maxPublic) {
      const oldest = this.pub.keys().next().value;
      if (oldest !== undefined) this.pub.delete(oldest);
    }
    this.pub.set(id, key);
    return key;
  }
}

function keyId(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Base64url (no padding) to bytes, for the `d` and `x` members of an exported OKP JWK. */
export function jwkBytes(value: string | undefined): Uint8Array {
  if (value === undefined) throw new Error('JWK member missing');
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A fresh key pair made by WebCrypto itself, exported once as JWK: about 6x cheaper than making
 * the secret with `random` and importing it as PKCS#8. Used only when the suite's random source is
 * the system CSPRNG, since WebCrypto draws from that same source; a seeded Random (frozen test
 * vectors) takes the import path so its output stays deterministic.
 */
export async function generateWithWebCrypto(
  subtle: SubtleCrypto,
  algorithm: 'Ed25519' | 'X25519',
  cache: KeyCache,
): Promise<{ privateKey: Uint8Array; publicKey: Uint8Array }> {
  const usages: KeyUsage[] = algorithm === 'X25519' ? ['deriveBits'] : ['sign', 'verify'];
  const pair = await subtle.generateKey({ name: algorithm }, true, usages);
  if (!('privateKey' in pair)) throw new Error(`${algorithm} generateKey returned no key pair`);
  const jwk = await subtle.exportKey('jwk', pair.privateKey);
  const privateKey = jwkBytes(jwk.d);
  cache.rememberPrivate(privateKey, pair.privateKey);
  return { privateKey, publicKey: jwkBytes(jwk.x) };
}
