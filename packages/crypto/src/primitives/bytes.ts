// Byte helpers shared by every construction. Runtime-neutral: Uint8Array only.
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { CryptoError } from '../errors';

export { bytesToHex, concatBytes, hexToBytes, utf8ToBytes };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 decode that throws on invalid input instead of inserting U+FFFD. */
export function bytesToUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CryptoError('bad_input', 'invalid UTF-8');
  }
}

/**
 * Constant-time equality for secrets (MACs, keys, hashes). Runs in time that depends only on the
 * lengths, which are public.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Overwrite a secret with zeros once it is no longer needed. */
export function wipe(...secrets: Array<Uint8Array | undefined>): void {
  for (const s of secrets) s?.fill(0);
}

/** Big-endian unsigned 32-bit integer. */
export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new CryptoError('bad_input', 'u32 out of range');
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

/** Big-endian unsigned 64-bit integer from a safe JS integer. */
export function u64be(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new CryptoError('bad_input', 'u64 out of range');
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(n / 2 ** 32), false);
  view.setUint32(4, n >>> 0, false);
  return out;
}

/** Length-prefixed (u32 BE) concatenation, so that no two field lists encode to the same bytes. */
export function lengthPrefixed(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(...parts.flatMap((p) => [u32be(p.length), p]));
}

export function assertLength(bytes: Uint8Array, length: number, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new CryptoError('bad_input', `${what} must be ${length} bytes`);
  }
}

/**
 * WebCrypto's types take `Uint8Array<ArrayBuffer>`; a view over a SharedArrayBuffer is copied.
 * The cast is the type-level result of the instanceof check above it.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
