// X3DH (docs/protocol.md §5.3), after Signal's spec, with the device's X25519 agreement key as the
// identity key IK (so no XEdDSA) and its Ed25519 key signing the signed prekey.
//
//   DH1 = DH(IK_A, SPK_B)   DH2 = DH(EK_A, IK_B)   DH3 = DH(EK_A, SPK_B)   DH4 = DH(EK_A, OPK_B)
//   SK  = HKDF-SHA256(ikm = F || DH1 || DH2 || DH3 [|| DH4], salt = 32 zero bytes,
//                     info = label('x3dh'), 32),  F = 32 bytes of 0xFF
//   AD  = label('x3dh/ad') || IK_A || IK_B || deviceId_A || deviceId_B
import { CryptoError } from '../errors';
import type { PrekeyStore } from '../prekeys/device-prekeys';
import { type DeviceKeysFromLog, type PrekeyBundle, verifyPrekeyBundle } from '../prekeys/prekey-bundle';
import { assertLength, concatBytes, equalBytes, wipe } from '../primitives/bytes';
import type { KeyPair } from '../primitives/ed25519';
import { hkdf, label } from '../primitives/kdf';
import type { CryptoSuite } from '../primitives/suite';

const X3DH_INFO = label('x3dh');
const AD_LABEL = label('x3dh/ad');
const F = new Uint8Array(32).fill(0xff);
const ZERO_SALT = new Uint8Array(32);

/** What the initiator's first messages carry so the responder can run its half (§5.4). */
export interface PrekeyHeader {
  readonly identityKey: Uint8Array;
  readonly baseKey: Uint8Array;
  readonly signedPrekeyId: number;
  /** null when the bundle had no one-time prekey. */
  readonly oneTimePrekeyId: number | null;
}

export interface X3dhResult {
  /** The 32-byte shared secret: the Double Ratchet's first root key. */
  readonly sk: Uint8Array;
  readonly ad: Uint8Array;
}

export interface X3dhInitiation extends X3dhResult {
  readonly header: PrekeyHeader;
}

export interface X3dhResponse extends X3dhResult {
  /** The signed prekey pair, which the responder's ratchet starts from. */
  readonly signedPrekey: KeyPair;
  /** The one-time prekey the message used; the caller deletes it once the message has opened. */
  readonly usedOneTimePrekeyId: number | null;
}

export interface LocalIdentity {
  /** 16 bytes. */
  readonly deviceId: Uint8Array;
  /** The device's X25519 agreement key pair (IK). */
  readonly identityKey: KeyPair;
}

export function associatedData(
  initiatorIdentityKey: Uint8Array,
  responderIdentityKey: Uint8Array,
  initiatorDevice: Uint8Array,
  responderDevice: Uint8Array,
): Uint8Array {
  assertLength(initiatorDevice, 16, 'device id');
  assertLength(responderDevice, 16, 'device id');
  return concatBytes(AD_LABEL, initiatorIdentityKey, responderIdentityKey, initiatorDevice, responderDevice);
}

function deriveSk(dhs: Uint8Array[]): Uint8Array {
  const ikm = concatBytes(F, ...dhs);
  const sk = hkdf(ikm, ZERO_SALT, X3DH_INFO, 32);
  wipe(ikm);
  return sk;
}

/**
 * The initiator's half. Verifies the bundle against the device log first (bad_key,
 * bad_signature), then generates EK_A. EK_A's private key is wiped before returning.
 */
export async function x3dhInitiate(
  suite: CryptoSuite,
  local: LocalIdentity,
  bundle: PrekeyBundle,
  expected: DeviceKeysFromLog,
): Promise<X3dhInitiation> {
  await verifyPrekeyBundle(suite, bundle, expected);
  const ek = await suite.x25519.generateKeyPair();
  const dhs: Uint8Array[] = [];
  try {
    const spk = bundle.signedPrekey.publicKey;
    dhs.push(await suite.x25519.sharedSecret(local.identityKey.privateKey, spk));
    dhs.push(await suite.x25519.sharedSecret(ek.privateKey, bundle.identityKey));
    dhs.push(await suite.x25519.sharedSecret(ek.privateKey, spk));
    if (bundle.oneTimePrekey) {
      dhs.push(await suite.x25519.sharedSecret(ek.privateKey, bundle.oneTimePrekey.publicKey));
    }
    return {
      sk: deriveSk(dhs),
      ad: associatedData(local.identityKey.publicKey, bundle.identityKey, local.deviceId, bundle.deviceId),
      header: {
        identityKey: local.identityKey.publicKey,
        baseKey: ek.publicKey,
        signedPrekeyId: bundle.signedPrekey.id,
        oneTimePrekeyId: bundle.oneTimePrekey ? bundle.oneTimePrekey.id : null,
      },
    };
  } finally {
    wipe(ek.privateKey, ...dhs);
  }
}

/**
 * The responder's half. `senderIdentityKey` is the initiator device's agreement key from the
 * verified device log: the header's IK_A must equal it (bad_key), or anyone could speak for that
 * device id. An unknown signed prekey id is bad_key; an unknown or already consumed one-time
 * prekey id is replay. Nothing is consumed here: the caller deletes `usedOneTimePrekeyId` only
 * after the first message has opened.
 */
export async function x3dhRespond(
  suite: CryptoSuite,
  local: LocalIdentity,
  senderDevice: Uint8Array,
  senderIdentityKey: Uint8Array,
  header: PrekeyHeader,
  prekeys: PrekeyStore,
): Promise<X3dhResponse> {
  if (!equalBytes(header.identityKey, senderIdentityKey)) {
    throw new CryptoError('bad_key', 'prekey message identity key does not match the device log');
  }
  const spk = prekeys.signedPrekey(header.signedPrekeyId);
  if (!spk) throw new CryptoError('bad_key', 'unknown signed prekey');
  let opk: KeyPair | undefined;
  if (header.oneTimePrekeyId !== null) {
    opk = prekeys.oneTimePrekey(header.oneTimePrekeyId);
    if (!opk) throw new CryptoError('replay', 'one-time prekey already used or unknown');
  }
  const dhs: Uint8Array[] = [];
  try {
    dhs.push(await suite.x25519.sharedSecret(spk.privateKey, header.identityKey));
    dhs.push(await suite.x25519.sharedSecret(local.identityKey.privateKey, header.baseKey));
    dhs.push(await suite.x25519.sharedSecret(spk.privateKey, header.baseKey));
    if (opk) dhs.push(await suite.x25519.sharedSecret(opk.privateKey, header.baseKey));
    return {
      sk: deriveSk(dhs),
      ad: associatedData(header.identityKey, local.identityKey.publicKey, senderDevice, local.deviceId),
      signedPrekey: spk,
      usedOneTimePrekeyId: header.oneTimePrekeyId,
    };
  } finally {
    wipe(...dhs);
  }
}
