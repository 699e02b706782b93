// EIP-191 personal_sign signatures by the account's wallet (docs/protocol.md §4.3). secp256k1 and
// keccak are used for wallet signatures only, through ethers v6.
//
// Only the canonical form is accepted: 0x + 130 lowercase hex = r (32) || s (32) || v (1), with
// 1 <= r < n, 1 <= s <= n/2 (EIP-2 low S) and v in {27, 28}. The entry hash covers the signature
// bytes, so a second valid spelling of the same signature (high S with v flipped) would give the
// same entry a second hash, which a relay could use to fork a log. ethers' own check on S only
// looks at the top bit, so the bound is checked here, before ethers sees the signature.
import { hashMessage, recoverAddress } from 'ethers';
import { CryptoError } from '../errors';

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = SECP256K1_N >> 1n;

const CANONICAL = /^0x[0-9a-f]{130}$/;
const ANY_CASE = /^0x[0-9a-fA-F]{130}$/;

interface SignatureParts {
  readonly r: bigint;
  readonly s: bigint;
  readonly v: number;
}

function split(hex: string): SignatureParts {
  return {
    r: BigInt(`0x${hex.slice(2, 66)}`),
    s: BigInt(`0x${hex.slice(66, 130)}`),
    v: Number.parseInt(hex.slice(130, 132), 16),
  };
}

function join(parts: SignatureParts): string {
  const h = (n: bigint) => n.toString(16).padStart(64, '0');
  return `0x${h(parts.r)}${h(parts.s)}${parts.v.toString(16).padStart(2, '0')}`;
}

/** True if `signature` is in the one canonical form this protocol accepts (see the header). */
export function isCanonicalWalletSignature(signature: string): boolean {
  if (typeof signature !== 'string' || !CANONICAL.test(signature)) return false;
  const { r, s, v } = split(signature);
  return r >= 1n && r < SECP256K1_N && s >= 1n && s <= HALF_N && (v === 27 || v === 28);
}

/**
 * Brings a signature returned by a wallet into canonical form: lowercase hex, v of 0/1 mapped to
 * 27/28, and a high S replaced by n - S with v flipped (the same signature, EIP-2). Throws
 * bad_input for anything that is not a 65-byte signature with r and s in range.
 */
export function normalizeWalletSignature(signature: string): string {
  if (typeof signature !== 'string' || !ANY_CASE.test(signature)) {
    throw new CryptoError('bad_input', 'wallet signature must be 65 bytes of 0x-hex');
  }
  let { r, s, v } = split(signature.toLowerCase());
  if (v === 0 || v === 1) v += 27;
  if (v !== 27 && v !== 28) throw new CryptoError('bad_input', 'wallet signature has a bad v');
  if (r < 1n || r >= SECP256K1_N || s < 1n || s >= SECP256K1_N) {
    throw new CryptoError('bad_input', 'wallet signature out of range');
  }
  if (s > HALF_N) {
    s = SECP256K1_N - s;
    v = v === 27 ? 28 : 27;
  }
  return join({ r, s, v });
}

/**
 * True only if `signature` is canonical and is an EIP-191 personal_sign signature over the UTF-8
 * bytes of `message` by the wallet whose lowercase address is `address`. Never throws for a bad
 * signature: every failure is `false`.
 */
export function verifyWalletSignature(message: string, signature: string, address: string): boolean {
  if (!isCanonicalWalletSignature(signature)) return false;
  try {
    return recoverAddress(hashMessage(message), signature).toLowerCase() === address;
  } catch {
    return false;
  }
}
