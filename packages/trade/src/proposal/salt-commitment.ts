// The order's salt commits to the proposal's Parley fields (docs/protocol.md §11.2). Seaport's salt
// is any uint256; Parley makes it
//
//   salt = nonce (16 random bytes) || first 16 bytes of
//          keccak256( utf8("parley/v1/trade-salt") || nonce || parent || keccak256(utf8(note)) )
//
// where parent is the 32-byte parent proposal hash, or 32 zero bytes for an opening offer, and note
// is the note ("" when absent). So the maker's one wallet signature over the order also covers the
// negotiation's hash chain and the note: an export verifies without trusting the chat, and nobody
// can move a counter-offer under another parent. Every field is fixed-length except the note, which
// comes last, so no two inputs share an encoding. The nonce keeps equal terms distinct orders.
import { concat, getBytes, hexlify, keccak256, toUtf8Bytes } from 'ethers';
import { type Random, systemRandom } from '../random';

export const SALT_LABEL = 'parley/v1/trade-salt';
const NONCE_BYTES = 16;
const NO_PARENT = new Uint8Array(32);

function commitment(nonce: Uint8Array, parentHash: string | null, note: string): Uint8Array {
  const parent = parentHash === null ? NO_PARENT : getBytes(parentHash);
  const digest = keccak256(concat([toUtf8Bytes(SALT_LABEL), nonce, parent, keccak256(toUtf8Bytes(note))]));
  return getBytes(digest).slice(0, NONCE_BYTES);
}

/** A fresh salt committing to `parentHash` and `note`. */
export function makeSalt(parentHash: string | null, note: string, random: Random = systemRandom): bigint {
  const nonce = random(NONCE_BYTES);
  if (nonce.length !== NONCE_BYTES) throw new RangeError('random: wrong length');
  return BigInt(hexlify(concat([nonce, commitment(nonce, parentHash, note)])));
}

/** True when the decimal `salt` commits to `parentHash` and `note`. */
export function saltCommits(salt: string, parentHash: string | null, note: string): boolean {
  const bytes = getBytes(`0x${BigInt(salt).toString(16).padStart(64, '0')}`);
  const nonce = bytes.slice(0, NONCE_BYTES);
  const expected = commitment(nonce, parentHash, note);
  const actual = bytes.slice(NONCE_BYTES);
  // Public data on both sides, so a plain comparison is fine.
  return expected.every((b, i) => b === actual[i]);
}
