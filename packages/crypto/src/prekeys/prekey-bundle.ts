// A claimed prekey bundle (docs/protocol.md §5.2): what the relay returns for one device of a peer.
// The relay is untrusted, so the identity and signing keys it names must equal the ones from the
// verified device log, and the signed prekey's signature must verify, before any DH uses it.
import { CryptoError } from '../errors';
import { assertLength, equalBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import type { OneTimePrekeyPublic } from './one-time-prekeys';
import { assertPrekeyId } from './prekey-id';
import { type SignedPrekeyPublic, verifySignedPrekey } from './signed-prekey';
import { assertX25519PublicKey } from './x25519-public-key';

export interface PrekeyBundle {
  /** 16 bytes. */
  readonly deviceId: Uint8Array;
  /** The device's X25519 agreement key, used as the X3DH identity key IK. */
  readonly identityKey: Uint8Array;
  /** The device's Ed25519 signing key, which signs the signed prekey. */
  readonly signingKey: Uint8Array;
  readonly signedPrekey: SignedPrekeyPublic;
  /** Absent when the device has run out of one-time prekeys. */
  readonly oneTimePrekey?: OneTimePrekeyPublic;
}

/** The keys of a device as the verified device log states them (§4). */
export interface DeviceKeysFromLog {
  readonly deviceId: Uint8Array;
  readonly identityKey: Uint8Array;
  readonly signingKey: Uint8Array;
}

/**
 * Check order: shapes (bad_input), the bundle names the device and keys of the log (bad_key), the
 * signed prekey signature (bad_signature), the one-time prekey's encoding (bad_key).
 */
export async function verifyPrekeyBundle(
  suite: CryptoSuite,
  bundle: PrekeyBundle,
  expected: DeviceKeysFromLog,
): Promise<void> {
  assertLength(bundle.deviceId, 16, 'bundle device id');
  assertLength(bundle.identityKey, 32, 'bundle identity key');
  assertLength(bundle.signingKey, 32, 'bundle signing key');
  assertPrekeyId(bundle.signedPrekey.id);
  assertLength(bundle.signedPrekey.signature, 64, 'signed prekey signature');
  if (bundle.oneTimePrekey) assertPrekeyId(bundle.oneTimePrekey.id);
  if (
    !equalBytes(bundle.deviceId, expected.deviceId) ||
    !equalBytes(bundle.identityKey, expected.identityKey) ||
    !equalBytes(bundle.signingKey, expected.signingKey)
  ) {
    throw new CryptoError('bad_key', 'prekey bundle does not match the device log');
  }
  assertX25519PublicKey(bundle.identityKey, 'identity key');
  await verifySignedPrekey(suite, bundle.signingKey, bundle.signedPrekey);
  if (bundle.oneTimePrekey) assertX25519PublicKey(bundle.oneTimePrekey.publicKey, 'one-time prekey');
}
