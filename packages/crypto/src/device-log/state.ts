// The state a verified device log leads to, and the questions callers ask of it
// (docs/protocol.md §4.5). States are immutable: appending returns a new one.
/** Active devices allowed per account at any one time (DESIGN §4). */
export const MAX_ACTIVE_DEVICES = 10;

export interface DeviceRecord {
  /** 16-byte device id as 32 lowercase hex characters. */
  readonly deviceId: string;
  /** Ed25519 public key (32 bytes): verifies this device's signatures. */
  readonly signingKey: Uint8Array;
  /** X25519 public key (32 bytes): the device's long-term agreement key. */
  readonly agreementKey: Uint8Array;
  /** Sequence number of the entry that linked the device. */
  readonly linkedAtSeq: number;
  /** Issued-at of the link entry, ms since the Unix epoch. */
  readonly issuedAt: number;
}

export interface RevokedDevice extends DeviceRecord {
  /** Sequence number of the entry that revoked the device. */
  readonly revokedAtSeq: number;
  /** Issued-at of the revoke entry, ms since the Unix epoch. */
  readonly revokedAt: number;
}

export interface DeviceLogState {
  /** Lowercase 0x-hex wallet address. */
  readonly address: string;
  /** Sequence number of the last entry. */
  readonly seq: number;
  /** Hash of the last entry (deviceLogEntryHash): what clients pin. */
  readonly head: Uint8Array;
  /** Issued-at of the last entry, ms since the Unix epoch. */
  readonly issuedAt: number;
  /** Active devices, in the order they were linked. At most MAX_ACTIVE_DEVICES. */
  readonly devices: readonly DeviceRecord[];
  /** Every device the log ever revoked, in the order they were revoked. */
  readonly revoked: readonly RevokedDevice[];
}

export type DeviceStatus = 'active' | 'revoked' | 'unknown';

/** Device ids are compared in their canonical form (32 lowercase hex). */
function idOf(deviceId: string | Uint8Array): string | undefined {
  if (typeof deviceId === 'string') return /^[0-9a-f]{32}$/.test(deviceId) ? deviceId : undefined;
  if (!(deviceId instanceof Uint8Array) || deviceId.length !== 16) return undefined;
  let hex = '';
  for (const b of deviceId) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The active device with this id, or undefined (revoked, never linked, or malformed id). */
export function findActiveDevice(
  state: DeviceLogState,
  deviceId: string | Uint8Array,
): DeviceRecord | undefined {
  const id = idOf(deviceId);
  return id === undefined ? undefined : state.devices.find((d) => d.deviceId === id);
}

/** The revoked device with this id, or undefined. */
export function findRevokedDevice(
  state: DeviceLogState,
  deviceId: string | Uint8Array,
): RevokedDevice | undefined {
  const id = idOf(deviceId);
  return id === undefined ? undefined : state.revoked.find((d) => d.deviceId === id);
}

export function isDeviceActive(state: DeviceLogState, deviceId: string | Uint8Array): boolean {
  return findActiveDevice(state, deviceId) !== undefined;
}

/**
 * 'active' if the log links the device and has not revoked it, 'revoked' if it was revoked (for
 * good: a revoked id never comes back), 'unknown' if the log never linked it. Callers reject
 * anything a device sends unless its status is 'active'.
 */
export function deviceStatus(state: DeviceLogState, deviceId: string | Uint8Array): DeviceStatus {
  if (findActiveDevice(state, deviceId)) return 'active';
  if (findRevokedDevice(state, deviceId)) return 'revoked';
  return 'unknown';
}

/**
 * Whether the device was active just after entry `seq` was applied: linked at or before `seq`
 * and not revoked at or before it. Lets a caller judge an item that names the log seq it was
 * made under (content carries the sender's device-log head, DESIGN §4).
 */
export function wasDeviceActiveAt(
  state: DeviceLogState,
  deviceId: string | Uint8Array,
  seq: number,
): boolean {
  if (!Number.isSafeInteger(seq) || seq < 0 || seq > state.seq) return false;
  const active = findActiveDevice(state, deviceId);
  if (active) return active.linkedAtSeq <= seq;
  const revoked = findRevokedDevice(state, deviceId);
  return revoked !== undefined && revoked.linkedAtSeq <= seq && seq < revoked.revokedAtSeq;
}
