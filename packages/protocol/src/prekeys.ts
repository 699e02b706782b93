// Wire schemas for prekeys (docs/protocol.md §5.2): what a device publishes (publishPrekeys) and
// what a peer claims (claimPrekeyBundle). Shape and size only: the engine verifies the signed
// prekey's Ed25519 signature against the device key from the verified device log before using it
// (@parley/crypto verifyPrekeyBundle), because the relay could hand out anything.
//
// Encodings, all lowercase hex:
//   keyId         8 hex: the u32 prekey id, big-endian. ffffffff is reserved ("none", §5.4).
//   signedPrekey  200 hex: u32 id (4) || X25519 public key (32) || Ed25519 signature (64) over
//                 label('prekey/signed') || id || public key.
//   publicKey     64 hex: an X25519 public key.
import { z } from 'zod';
import { ProtocolError } from './errors';
import { Address, hexBytes, Id16 } from './wire-primitives';

/** One-time prekeys per publish, and the most a device keeps published (DESIGN §4: about 100). */
export const MAX_ONE_TIME_PREKEYS = 100;

const NO_PREKEY_ID = 'ffffffff';

/** A prekey id: u32 big-endian as 8 lowercase hex characters, never ffffffff. */
export const PrekeyId = hexBytes(4).refine((id) => id !== NO_PREKEY_ID, 'prekey id ffffffff is reserved');

/** The signed prekey as one string: id || public key || signature (100 bytes, 200 hex). */
export const SignedPrekeyWire = hexBytes(100).refine(
  (s) => s.slice(0, 8) !== NO_PREKEY_ID,
  'prekey id ffffffff is reserved',
);
export type SignedPrekeyWire = z.infer<typeof SignedPrekeyWire>;

export const OneTimePrekeyWire = z.strictObject({
  keyId: PrekeyId,
  publicKey: hexBytes(32),
});
export type OneTimePrekeyWire = z.infer<typeof OneTimePrekeyWire>;

const uniqueIds = (keys: readonly OneTimePrekeyWire[]) =>
  new Set(keys.map((k) => k.keyId)).size === keys.length;

/** publishPrekeys arguments: a new signed prekey, more one-time prekeys, or both. */
export const PublishPrekeys = z
  .strictObject({
    signedPrekey: SignedPrekeyWire.nullish(),
    oneTimePrekeys: z.array(OneTimePrekeyWire).max(MAX_ONE_TIME_PREKEYS),
  })
  .refine((p) => uniqueIds(p.oneTimePrekeys), {
    message: 'duplicate one-time prekey id',
    path: ['oneTimePrekeys'],
  })
  .refine((p) => p.signedPrekey != null || p.oneTimePrekeys.length > 0, 'nothing to publish');
export type PublishPrekeys = z.infer<typeof PublishPrekeys>;

/**
 * A claimed bundle. The device's identity (X25519) and signing (Ed25519) keys are not in it: the
 * client takes them from the verified device log of `address`.
 */
export const PrekeyBundleWire = z.strictObject({
  address: Address,
  deviceId: Id16,
  signedPrekey: SignedPrekeyWire,
  /** null once the device has run out of one-time prekeys. */
  oneTimePrekey: OneTimePrekeyWire.nullable(),
});
export type PrekeyBundleWire = z.infer<typeof PrekeyBundleWire>;

export interface SignedPrekeyParts {
  /** u32. */
  readonly id: number;
  /** 64 hex. */
  readonly publicKey: string;
  /** 128 hex. */
  readonly signature: string;
}

/** Splits a parsed SignedPrekeyWire into its fields. */
export function splitSignedPrekey(wire: SignedPrekeyWire): SignedPrekeyParts {
  return {
    id: Number.parseInt(wire.slice(0, 8), 16),
    publicKey: wire.slice(8, 72),
    signature: wire.slice(72, 200),
  };
}

/** The SignedPrekeyWire text of a signed prekey; bad_request unless every part has its size. */
export function joinSignedPrekey(parts: SignedPrekeyParts): SignedPrekeyWire {
  const wire = SignedPrekeyWire.safeParse(`${prekeyIdHex(parts.id)}${parts.publicKey}${parts.signature}`);
  if (!wire.success) throw new ProtocolError('bad_request', 'malformed signed prekey');
  return wire.data;
}

/** A u32 prekey id as its 8-hex wire form (bad_request for ffffffff or anything not a u32). */
export function prekeyIdHex(id: number): string {
  if (!Number.isInteger(id) || id < 0 || id >= 0xffffffff) {
    throw new ProtocolError('bad_request', 'prekey id out of range');
  }
  return id.toString(16).padStart(8, '0');
}

/** The u32 of an 8-hex keyId (bad_request when it is not one). */
export function prekeyIdFromHex(keyId: string): number {
  if (!PrekeyId.safeParse(keyId).success) throw new ProtocolError('bad_request', 'malformed prekey id');
  return Number.parseInt(keyId, 16);
}
