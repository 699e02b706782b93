// A JSON form of DeviceLogState, so the relay (SQL) and clients (IndexedDB) can store the state a
// verified log led to and verify the next entry against it with appendDeviceLogEntry, without
// re-verifying the whole log. The JSON is only as trustworthy as the store it was read from: it is
// a cache of verified data, never something to accept from the network.
import { CryptoError } from '../errors';
import { bytesToHex, hexToBytes } from '../primitives/bytes';
import { type DeviceLogState, type DeviceRecord, MAX_ACTIVE_DEVICES, type RevokedDevice } from './state';

export interface DeviceRecordJson {
  deviceId: string;
  signingKey: string;
  agreementKey: string;
  linkedAtSeq: number;
  issuedAt: number;
}

export interface RevokedDeviceJson extends DeviceRecordJson {
  revokedAtSeq: number;
  revokedAt: number;
}

export interface DeviceLogStateJson {
  address: string;
  seq: number;
  head: string;
  issuedAt: number;
  devices: DeviceRecordJson[];
  revoked: RevokedDeviceJson[];
}

const HEX32 = /^[0-9a-f]{64}$/;

function bad(): CryptoError {
  return new CryptoError('bad_input', 'malformed stored device-log state');
}

function obj(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad();
  return v as Record<string, unknown>;
}

function int(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw bad();
  return v;
}

function str(v: unknown, pattern: RegExp): string {
  if (typeof v !== 'string' || !pattern.test(v)) throw bad();
  return v;
}

function recordToJson(d: DeviceRecord): DeviceRecordJson {
  return {
    deviceId: d.deviceId,
    signingKey: bytesToHex(d.signingKey),
    agreementKey: bytesToHex(d.agreementKey),
    linkedAtSeq: d.linkedAtSeq,
    issuedAt: d.issuedAt,
  };
}

function recordFromJson(v: unknown): DeviceRecord {
  const o = obj(v);
  return {
    deviceId: str(o.deviceId, /^[0-9a-f]{32}$/),
    signingKey: hexToBytes(str(o.signingKey, HEX32)),
    agreementKey: hexToBytes(str(o.agreementKey, HEX32)),
    linkedAtSeq: int(o.linkedAtSeq),
    issuedAt: int(o.issuedAt),
  };
}

export function deviceLogStateToJson(state: DeviceLogState): DeviceLogStateJson {
  return {
    address: state.address,
    seq: state.seq,
    head: bytesToHex(state.head),
    issuedAt: state.issuedAt,
    devices: state.devices.map(recordToJson),
    revoked: state.revoked.map((d) => ({
      ...recordToJson(d),
      revokedAtSeq: d.revokedAtSeq,
      revokedAt: d.revokedAt,
    })),
  };
}

/** Reads a stored state back; throws bad_input for anything malformed. */
export function deviceLogStateFromJson(json: unknown): DeviceLogState {
  const o = obj(json);
  if (!Array.isArray(o.devices) || !Array.isArray(o.revoked)) throw bad();
  if (o.devices.length > MAX_ACTIVE_DEVICES) throw bad();
  const revoked: RevokedDevice[] = o.revoked.map((v) => {
    const r = obj(v);
    return { ...recordFromJson(r), revokedAtSeq: int(r.revokedAtSeq), revokedAt: int(r.revokedAt) };
  });
  return {
    address: str(o.address, /^0x[0-9a-f]{40}$/),
    seq: int(o.seq),
    head: hexToBytes(str(o.head, HEX32)),
    issuedAt: int(o.issuedAt),
    devices: o.devices.map(recordFromJson),
    revoked,
  };
}
