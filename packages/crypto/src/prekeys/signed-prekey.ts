// Signed prekeys (docs/protocol.md §5.2): an X25519 key pair with a u32 id, signed by the device's
// Ed25519 key so that a relay cannot substitute its own key into a claimed bundle. Rotated weekly;
// a replaced key is kept for a grace period so that first messages already in flight still open.
import { CryptoError } from '../errors';
import { assertLength, concatBytes, u32be } from '../primitives/bytes';
import type { KeyPair } from '../primitives/ed25519';
import { label } from '../primitives/kdf';
import type { CryptoSuite } from '../primitives/suite';
import { assertPrekeyId } from './prekey-id';
import { assertX25519PublicKey } from './x25519-public-key';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A signed prekey is replaced once it is this old (§5.2). */
export const SIGNED_PREKEY_ROTATION_MS = 7 * DAY_MS;
/** A replaced signed prekey still answers first messages for this long after its replacement. */
export const SIGNED_PREKEY_GRACE_MS = 30 * DAY_MS;

export const SIGNED_PREKEY_LABEL = label('prekey/signed');

export interface SignedPrekeyPublic {
  readonly id: number;
  readonly publicKey: Uint8Array;
  /** Ed25519 over label('prekey/signed') || u32(id) || publicKey. */
  readonly signature: Uint8Array;
}

export interface SignedPrekeyRecord {
  readonly id: number;
  readonly keyPair: KeyPair;
  readonly signature: Uint8Array;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** The bytes the device's Ed25519 key signs for a signed prekey. */
export function signedPrekeyMessage(id: number, publicKey: Uint8Array): Uint8Array {
  assertPrekeyId(id);
  assertLength(publicKey, 32, 'signed prekey');
  return concatBytes(SIGNED_PREKEY_LABEL, u32be(id), publicKey);
}

export async function generateSignedPrekey(
  suite: CryptoSuite,
  signingPrivateKey: Uint8Array,
  id: number,
  now: number,
): Promise<SignedPrekeyRecord> {
  const keyPair = await suite.x25519.generateKeyPair();
  const signature = await suite.ed25519.sign(signingPrivateKey, signedPrekeyMessage(id, keyPair.publicKey));
  return { id, keyPair, signature, createdAt: now };
}

/**
 * Throws unless `signedPrekey` is signed by `signingKey` (the device's Ed25519 key from the
 * verified device log): bad_key for a malformed key, bad_signature for a signature that fails.
 * Call before any DH with the key.
 */
export async function verifySignedPrekey(
  suite: CryptoSuite,
  signingKey: Uint8Array,
  signedPrekey: SignedPrekeyPublic,
): Promise<void> {
  assertX25519PublicKey(signedPrekey.publicKey, 'signed prekey');
  const message = signedPrekeyMessage(signedPrekey.id, signedPrekey.publicKey);
  if (!(await suite.ed25519.verify(signingKey, message, signedPrekey.signature))) {
    throw new CryptoError('bad_signature', 'signed prekey signature does not verify');
  }
}

/** True once the signed prekey created at `createdAt` should be replaced (weekly, §5.2). */
export function needsRotation(createdAt: number, now: number): boolean {
  return now - createdAt >= SIGNED_PREKEY_ROTATION_MS;
}

export function publicSignedPrekey(record: SignedPrekeyRecord): SignedPrekeyPublic {
  return { id: record.id, publicKey: record.keyPair.publicKey, signature: record.signature };
}
