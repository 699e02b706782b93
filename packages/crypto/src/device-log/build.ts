// The signing side of the device log (docs/protocol.md §4.6). A new device:
//   1. builds the message text with buildLinkDeviceMessage against the state it verified,
//   2. countersigns it with its Ed25519 key (countersignDeviceLogMessage),
//   3. has the wallet sign the same text with personal_sign (EIP-1193),
//   4. assembles the entry with attachDeviceLogSignatures and sends it to the relay.
// A revoke is the same without step 2.
import { CryptoError } from '../errors';
import { bytesToHex, equalBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { normalizeAddress } from './append';
import { assertAgreementKey, assertSigningKey } from './device-keys';
import { deviceCountersignInput } from './entry';
import { assertDeviceId, formatDeviceLogMessage, parseDeviceLogMessage } from './message-format';
import type { DeviceLogState } from './state';
import { checkLink, checkRevoke } from './transitions';

export interface NewDeviceKeys {
  /** 16-byte device id as 32 lowercase hex characters. */
  readonly deviceId: string;
  /** Ed25519 public key, 32 bytes. */
  readonly signingKey: Uint8Array;
  /** X25519 public key, 32 bytes. */
  readonly agreementKey: Uint8Array;
}

function position(state: DeviceLogState | undefined, account: string, now: number) {
  if (state && state.address !== account) throw new CryptoError('bad_input', 'state is for another account');
  if (!Number.isSafeInteger(now) || now < 0) throw new CryptoError('bad_input', 'now out of range');
  return {
    seq: state ? state.seq + 1 : 0,
    prev: state ? state.head : new Uint8Array(32),
    // Never earlier than the head, so a device whose clock is behind still builds a valid entry.
    issuedAt: state ? Math.max(now, state.issuedAt) : now,
  };
}

/**
 * The text a wallet signs to link `device` as the next entry after `state` (undefined for the
 * account's first device). Refuses, with the verifier's error kind, an entry every verifier would
 * refuse: bad keys (bad_key), a revoked id or key (revoked), an id in use (bad_input), an 11th
 * active device (limit).
 */
export function buildLinkDeviceMessage(
  state: DeviceLogState | undefined,
  address: string,
  device: NewDeviceKeys,
  now: number,
): string {
  const account = normalizeAddress(address);
  assertDeviceId(device.deviceId);
  assertSigningKey(device.signingKey);
  assertAgreementKey(device.agreementKey);
  checkLink(state, device);
  return formatDeviceLogMessage({
    action: 'link',
    account,
    ...position(state, account, now),
    deviceId: device.deviceId,
    signingKey: device.signingKey,
    agreementKey: device.agreementKey,
  });
}

/** The text a wallet signs to revoke the active device `deviceId` as the next entry after `state`. */
export function buildRevokeDeviceMessage(state: DeviceLogState, deviceId: string, now: number): string {
  assertDeviceId(deviceId);
  checkRevoke(state, deviceId);
  return formatDeviceLogMessage({
    action: 'revoke',
    account: state.address,
    ...position(state, state.address, now),
    deviceId,
  });
}

/**
 * The new device's countersignature on a link message: Ed25519 over
 * label('device-log/countersign') || utf8(message), as 128 lowercase hex. Refuses (bad_input) a
 * message that is not a link of this very key, so a device never countersigns someone else's key.
 */
export async function countersignDeviceLogMessage(
  suite: CryptoSuite,
  signingPrivateKey: Uint8Array,
  message: string,
): Promise<string> {
  const body = parseDeviceLogMessage(message);
  if (body.action !== 'link') throw new CryptoError('bad_input', 'only link entries are countersigned');
  const publicKey = await suite.ed25519.publicKeyOf(signingPrivateKey);
  if (!equalBytes(publicKey, body.signingKey)) {
    throw new CryptoError('bad_input', 'message links a different signing key');
  }
  return bytesToHex(await suite.ed25519.sign(signingPrivateKey, deviceCountersignInput(message)));
}
