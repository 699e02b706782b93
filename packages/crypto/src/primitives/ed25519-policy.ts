// One acceptance policy for Ed25519, applied before either backend verifies, so that the
// WebCrypto path and the noble path accept exactly the same signatures (docs/protocol.md §2.1).
//
// We reject, on both paths:
//   - a public key or R whose y-coordinate encoding is non-canonical (y >= p),
//   - a public key or R of small order (the eight torsion points, in any encoding),
//   - S >= L (a malleable signature).
// What is left is plain RFC 8032 verification, where OpenSSL/BoringSSL and noble with
// `zip215: false` agree (checked on every Wycheproof case in test/wycheproof-ed25519.test.ts).
//
// This runs on every verify, so it does no point arithmetic: non-canonical y and S are byte
// comparisons, and small order is a lookup in the precomputed set of the torsion points'
// encodings. Whether a key is on the curve at all is left to the backend, which then fails to
// verify; assertEd25519PublicKey (keys arriving from the wire) decompresses to check it up front.
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from './bytes';

// Little-endian 2^255 - 19 and the group order L, for byte-wise comparison.
const P_LE = le(2n ** 255n - 19n);
const L_LE = le(2n ** 252n + 27742317777372353535851937790883648493n);

function le(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** a < b for 32-byte little-endian numbers (top bit of a masked off when `maskTop`). */
function lessThan(a: Uint8Array, b: Uint8Array, maskTop: boolean): boolean {
  for (let i = 31; i >= 0; i--) {
    const x = i === 31 && maskTop ? (a[i] as number) & 0x7f : (a[i] as number);
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Every canonical encoding of a point of order dividing 8, plus the sign-flipped encodings of the
 * two points with x = 0 (which a lax decoder accepts as the same point). Non-canonical y is
 * refused before this lookup, so these cover every encoding of a torsion point.
 */
const SMALL_ORDER = (() => {
  const order8 = ed25519.Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
  const set = new Set<string>();
  let p = ed25519.Point.ZERO;
  for (let k = 0; k < 8; k++) {
    const bytes = p.toBytes();
    set.add(bytesToHex(bytes));
    if (p.x === 0n) {
      const flipped = bytes.slice();
      flipped[31] = (flipped[31] as number) | 0x80;
      set.add(bytesToHex(flipped));
    }
    p = p.add(order8);
  }
  return set;
})();

function canonicalAndLargeOrder(point: Uint8Array): boolean {
  return lessThan(point, P_LE, true) && !SMALL_ORDER.has(bytesToHex(point));
}

/** A public key we accept: 32 bytes, canonical, on the curve, not of small order. */
export function acceptablePublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== 32 || !canonicalAndLargeOrder(publicKey)) return false;
  try {
    ed25519.Point.fromBytes(publicKey, false);
    return true;
  } catch {
    return false;
  }
}

/** Structural checks on (publicKey, signature) shared by both backends: no point arithmetic. */
export function acceptableSignature(publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  return (
    canonicalAndLargeOrder(publicKey) &&
    canonicalAndLargeOrder(signature.subarray(0, 32)) &&
    lessThan(signature.subarray(32, 64), L_LE, false)
  );
}
