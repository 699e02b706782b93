import { describe, expect, it } from 'vitest';
import { appendDeviceLogEntry } from '../src/device-log/append';
import { type DeviceLogEntry, deviceLogEntryHash } from '../src/device-log/entry';
import { parseDeviceLogMessage } from '../src/device-log/message-format';
import {
  type DeviceLogState,
  deviceStatus,
  findActiveDevice,
  isDeviceActive,
  wasDeviceActiveAt,
} from '../src/device-log/state';
import { deviceLogStateFromJson, deviceLogStateToJson } from '../src/device-log/state-codec';
import { verifyDeviceLog } from '../src/device-log/verify-log';
import { isCryptoError } from '../src/errors';
import { bytesToHex, equalBytes, hexToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import { linkEntry, MINUTE, revokeEntry, T0, testDevice, testWallet } from './device-log-helpers';
import { seededRandom } from './seeded-random';

describe.each(['webcrypto', 'noble'] as const)('device log (%s)', async (backend) => {
  const suite = await createSuite({ backend });
  const wallet = testWallet('happy');
  const address = wallet.address.toLowerCase();
  const random = seededRandom(`device-log/happy/${backend}`);
  const [a, b, c] = [
    await testDevice(suite, random),
    await testDevice(suite, random),
    await testDevice(suite, random),
  ];

  // link a, link b, revoke a, link c: built and verified one entry at a time.
  const entries: DeviceLogEntry[] = [];
  const states: DeviceLogState[] = [];
  let state: DeviceLogState | undefined;
  for (const [i, step] of [
    (s: DeviceLogState | undefined) => linkEntry(suite, s, wallet, a, T0),
    (s: DeviceLogState | undefined) => linkEntry(suite, s, wallet, b, T0 + MINUTE),
    (s: DeviceLogState | undefined) => revokeEntry(s as DeviceLogState, wallet, a.deviceId, T0 + 2 * MINUTE),
    (s: DeviceLogState | undefined) => linkEntry(suite, s, wallet, c, T0 + 3 * MINUTE),
  ].entries()) {
    const entry = await step(state);
    entries.push(entry);
    state = await appendDeviceLogEntry(suite, state, address, entry, { now: T0 + i * MINUTE });
    states.push(state);
  }
  const final = states[3] as DeviceLogState;

  it('ends with the right active and revoked devices', () => {
    expect(final.address).toBe(address);
    expect(final.seq).toBe(3);
    expect(final.issuedAt).toBe(T0 + 3 * MINUTE);
    expect(final.devices.map((d) => [d.deviceId, d.linkedAtSeq, d.issuedAt])).toEqual([
      [b.deviceId, 1, T0 + MINUTE],
      [c.deviceId, 3, T0 + 3 * MINUTE],
    ]);
    expect(bytesToHex(findActiveDevice(final, c.deviceId)?.signingKey ?? new Uint8Array())).toBe(
      bytesToHex(c.signingKey),
    );
    expect(bytesToHex(findActiveDevice(final, c.deviceId)?.agreementKey ?? new Uint8Array())).toBe(
      bytesToHex(c.agreementKey),
    );
    expect(final.revoked.map((d) => [d.deviceId, d.linkedAtSeq, d.revokedAtSeq, d.revokedAt])).toEqual([
      [a.deviceId, 0, 2, T0 + 2 * MINUTE],
    ]);
  });

  it('moves the head to each entry hash, and each entry names the previous head', () => {
    const heads = states.map((s) => bytesToHex(s.head));
    expect(new Set(heads).size).toBe(4);
    for (const [i, entry] of entries.entries()) {
      expect(bytesToHex(deviceLogEntryHash(entry))).toBe(heads[i]);
      const prev = parseDeviceLogMessage(entry.message).prev;
      expect(bytesToHex(prev)).toBe(i === 0 ? '00'.repeat(32) : heads[i - 1]);
    }
  });

  it('answers status questions', () => {
    expect(deviceStatus(final, a.deviceId)).toBe('revoked');
    expect(deviceStatus(final, b.deviceId)).toBe('active');
    expect(deviceStatus(final, hexToBytes(c.deviceId))).toBe('active');
    expect(deviceStatus(final, 'ff'.repeat(16))).toBe('unknown');
    expect(deviceStatus(final, a.deviceId.toUpperCase())).toBe('unknown');
    expect(isDeviceActive(final, a.deviceId)).toBe(false);
    expect(isDeviceActive(final, b.deviceId)).toBe(true);
    // a was active from seq 0 until its revocation at seq 2; c from seq 3.
    expect([0, 1, 2, 3].map((s) => wasDeviceActiveAt(final, a.deviceId, s))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([0, 1, 2, 3].map((s) => wasDeviceActiveAt(final, c.deviceId, s))).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(wasDeviceActiveAt(final, b.deviceId, 4)).toBe(false);
  });

  it('verifyDeviceLog reaches the same state as appending one by one', async () => {
    const whole = await verifyDeviceLog(suite, wallet.address, entries, { now: T0 + 3 * MINUTE });
    expect(deviceLogStateToJson(whole)).toEqual(deviceLogStateToJson(final));
  });

  it('verifies a log against the head pinned at any earlier point', async () => {
    for (const pinned of states) {
      const s = await verifyDeviceLog(suite, address, entries, {
        pinnedHead: { seq: pinned.seq, hash: pinned.head },
      });
      expect(equalBytes(s.head, final.head)).toBe(true);
    }
  });

  it('does not change the state it appends to', async () => {
    const before = deviceLogStateToJson(states[1] as DeviceLogState);
    await appendDeviceLogEntry(suite, states[1], address, entries[2] as DeviceLogEntry);
    expect(deviceLogStateToJson(states[1] as DeviceLogState)).toEqual(before);
  });

  it('round-trips the state through JSON and keeps verifying from it', async () => {
    const json = JSON.parse(JSON.stringify(deviceLogStateToJson(states[2] as DeviceLogState)));
    const restored = deviceLogStateFromJson(json);
    const next = await appendDeviceLogEntry(suite, restored, address, entries[3] as DeviceLogEntry);
    expect(deviceLogStateToJson(next)).toEqual(deviceLogStateToJson(final));
    for (const broken of [{ ...json, head: 'zz' }, { ...json, seq: -1 }, { ...json, devices: {} }, null]) {
      let kind = '';
      try {
        deviceLogStateFromJson(broken);
      } catch (e) {
        kind = isCryptoError(e) ? e.kind : 'other';
      }
      expect(kind).toBe('bad_input');
    }
  });
});
