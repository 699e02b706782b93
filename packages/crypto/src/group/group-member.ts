// Member devices of an epoch (docs/protocol.md §6.1). The keys come from device logs that the
// device-log layer has already verified against wallet signatures; this layer checks shapes only.
import { CryptoError } from '../errors';
import { assertLength, bytesToHex } from '../primitives/bytes';
import { MAX_EPOCH_DEVICES } from './group-limits';

export interface GroupMember {
  /** 16-byte device id. */
  readonly deviceId: Uint8Array;
  /** The device's Ed25519 public key: verifies its group messages (and wraps, for admins). */
  readonly signingKey: Uint8Array;
  /** The device's X25519 public key: epoch secrets are HPKE-sealed to it. */
  readonly agreementKey: Uint8Array;
}

/** Map key for a device id: lowercase hex, the same spelling as on the wire. */
export function deviceKey(deviceId: Uint8Array): string {
  return bytesToHex(deviceId);
}

/**
 * Checks every member's shape and that no device appears twice, and returns the members indexed by
 * device id. Throws bad_input on a malformed or duplicate member and limit above MAX_EPOCH_DEVICES.
 */
export function indexMembers(members: readonly GroupMember[]): Map<string, GroupMember> {
  if (members.length === 0) throw new CryptoError('bad_input', 'an epoch needs at least one member');
  if (members.length > MAX_EPOCH_DEVICES) throw new CryptoError('limit', 'too many devices in the group');
  const index = new Map<string, GroupMember>();
  for (const m of members) {
    assertLength(m.deviceId, 16, 'member device id');
    assertLength(m.signingKey, 32, 'member signing key');
    assertLength(m.agreementKey, 32, 'member agreement key');
    const key = deviceKey(m.deviceId);
    if (index.has(key)) throw new CryptoError('bad_input', 'duplicate member device');
    index.set(key, m);
  }
  return index;
}

/** Byte-wise order of device ids, which fixes the order of wrap entries (§6.5). */
export function compareDeviceIds(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < 16; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}
