// Checks on the public keys a link entry names (docs/protocol.md §4.4 step 10). A linked key is
// trusted by every peer for as long as the device is active, so a key no honest device could have
// (small order, or a second encoding of another key) is refused when it enters the log.
import { CryptoError } from '../errors';
import { bytesToHex } from '../primitives/bytes';
import { assertEd25519PublicKey } from '../primitives/ed25519';

const P25519 = 2n ** 255n - 19n;

// The canonical encodings (u < p) of the X25519 u-coordinates whose points have small order:
// 0, 1, the two points of order 8, and p - 1. A shared secret with any of them is predictable.
const SMALL_ORDER_U = new Set([
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
]);

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

/**
 * Throws bad_key unless `key` is a canonical X25519 public key (u < p, so the top bit is clear,
 * as every X25519 implementation outputs) whose point is not of small order.
 */
export function assertAgreementKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== 32)
    throw new CryptoError('bad_key', 'agreement key must be 32 bytes');
  if (littleEndian(key) >= P25519) throw new CryptoError('bad_key', 'agreement key is not canonical');
  if (SMALL_ORDER_U.has(bytesToHex(key))) throw new CryptoError('bad_key', 'agreement key is of small order');
}

/** Throws bad_key unless `key` is an Ed25519 public key the shared acceptance policy allows. */
export function assertSigningKey(key: Uint8Array): void {
  assertEd25519PublicKey(key, 'signing key');
}
