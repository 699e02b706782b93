// One acceptance policy for Ed25519, applied before either backend verifies, so that the
// WebCrypto path and the noble path accept exactly the same signatures (docs/protocol.md §2.1).
//
// We reject, on both paths:
//   - a public key or R whose y-coordinate encoding is non-canonical (y >= p),
//   - a public key or R of small order (the eight torsion points, in any encoding),
//   - S >= L (a malleable signature).
// What is left is plain RFC 8032 verification, where OpenSSL/BoringSSL and noble with
// `zip215: false` agree.
import { ed25519 } from '@noble/curves/ed25519.js';

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function leToBigint(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

/** True when the 32-byte point encoding has a canonical y (< p). */
function canonicalY(point: Uint8Array): boolean {
  const y = leToBigint(point) & ((1n << 255n) - 1n);
  return y < P;
}

function smallOrder(point: Uint8Array): boolean {
  try {
    const p = ed25519.Point.fromBytes(point, false);
    return p.isSmallOrder();
  } catch {
    return true; // not a point at all: treat as unusable
  }
}

/** A public key we accept: 32 bytes, canonical, on the curve, not of small order. */
export function acceptablePublicKey(publicKey: Uint8Array): boolean {
  return publicKey.length === 32 && canonicalY(publicKey) && !smallOrder(publicKey);
}

/** Structural checks on (publicKey, signature) shared by both backends. */
export function acceptableSignature(publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64 || !acceptablePublicKey(publicKey)) return false;
  const r = signature.subarray(0, 32);
  const s = leToBigint(signature.subarray(32, 64));
  return s < L && canonicalY(r) && !smallOrder(r);
}
