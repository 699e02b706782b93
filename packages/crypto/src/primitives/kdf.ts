// HKDF-SHA256 and HMAC-SHA256 (RFC 5869, RFC 2104). noble beats WebCrypto here (STACK.md) and is
// synchronous, which keeps hash-chain steps cheap.
import { expand, extract, hkdf as nobleHkdf } from '@noble/hashes/hkdf.js';
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from './bytes';

/** Every label in Parley starts with this prefix (docs/protocol.md §1). */
export const LABEL_PREFIX = 'parley/v1/';

/** The UTF-8 bytes of `parley/v1/<name>`. */
export function label(name: string): Uint8Array {
  return utf8ToBytes(LABEL_PREFIX + name);
}

export function hkdf(
  ikm: Uint8Array,
  salt: Uint8Array | undefined,
  info: Uint8Array,
  length: number,
): Uint8Array {
  return nobleHkdf(sha256, ikm, salt, info, length);
}

export function hkdfExtract(ikm: Uint8Array, salt: Uint8Array | undefined): Uint8Array {
  return extract(sha256, ikm, salt);
}

export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  return expand(sha256, prk, info, length);
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return nobleHmac(sha256, key, message);
}

export { sha256, sha512 };
