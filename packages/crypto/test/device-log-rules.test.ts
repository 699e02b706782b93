// The acceptance list for the device log, part 2: the device-set rules (revocation is forever,
// the 10-device cap, no duplicate ids or keys, valid keys) and malformed entries.
import { describe, expect, it } from 'vitest';
import { appendDeviceLogEntry } from '../src/device-log/append';
import { buildLinkDeviceMessage, buildRevokeDeviceMessage } from '../src/device-log/build';
import { attachDeviceLogSignatures, type DeviceLogEntry } from '../src/device-log/entry';
import { parseDeviceLogMessage } from '../src/device-log/message-format';
import { type DeviceLogState, deviceStatus } from '../src/device-log/state';
import { verifyDeviceLog } from '../src/device-log/verify-log';
import { hexToBytes } from '../src/primitives/bytes';
import {
  failure,
  failureSync,
  linkEntry,
  MINUTE,
  rejectionFixture,
  revokeEntry,
  T0,
  type TestDevice,
} from './device-log-helpers';

describe.each(['webcrypto', 'noble'] as const)('device log rules (%s)', async (backend) => {
  const { suite, wallet, address, devices, a, b, c, e0, s0, e1, s1, signed, linkBody } =
    await rejectionFixture(backend, 'rules');

  describe('device-set rules', async () => {
    const revokeA = await revokeEntry(s1, wallet, a.deviceId, T0 + 2 * MINUTE);
    const s2 = await appendDeviceLogEntry(suite, s1, address, revokeA);

    it('a revoked device is reported revoked and can never be linked again', async () => {
      expect(deviceStatus(s2, a.deviceId)).toBe('revoked');
      const relink = await signed(linkBody(s2, a, T0 + 3 * MINUTE));
      expect(await failure(verifyDeviceLog(suite, address, [e0, e1, revokeA, relink]))).toEqual({
        kind: 'revoked',
        index: 3,
      });
      // Its keys under a fresh id are refused too.
      const fresh = { ...a, deviceId: 'ee'.repeat(16) };
      const sameKeys = await signed(linkBody(s2, fresh, T0 + 3 * MINUTE));
      expect(await failure(appendDeviceLogEntry(suite, s2, address, sameKeys))).toEqual({
        kind: 'revoked',
        index: 3,
      });
      // The builder refuses to ask the wallet for either.
      expect(failureSync(() => buildLinkDeviceMessage(s2, address, a, T0 + 3 * MINUTE))).toBe('revoked');
      expect(failureSync(() => buildLinkDeviceMessage(s2, address, fresh, T0 + 3 * MINUTE))).toBe('revoked');
    });

    it('revoking twice => revoked; revoking an unknown device => unknown_device', async () => {
      const body = parseDeviceLogMessage(buildRevokeDeviceMessage(s1, a.deviceId, T0 + 3 * MINUTE));
      const twice = await signed({ ...body, seq: 3, prev: s2.head });
      expect(await failure(appendDeviceLogEntry(suite, s2, address, twice))).toEqual({
        kind: 'revoked',
        index: 3,
      });
      const unknown = await signed({ ...body, seq: 3, prev: s2.head, deviceId: c.deviceId });
      expect(await failure(appendDeviceLogEntry(suite, s2, address, unknown))).toEqual({
        kind: 'unknown_device',
        index: 3,
      });
      expect(failureSync(() => buildRevokeDeviceMessage(s2, a.deviceId, T0))).toBe('revoked');
      expect(failureSync(() => buildRevokeDeviceMessage(s2, c.deviceId, T0))).toBe('unknown_device');
    });

    it('linking an active device id or key again => bad_input', async () => {
      const sameId = await signed(linkBody(s1, { ...c, deviceId: b.deviceId }, T0 + 2 * MINUTE));
      expect(await failure(appendDeviceLogEntry(suite, s1, address, sameId))).toEqual({
        kind: 'bad_input',
        index: 2,
      });
      const sameKey = await signed(linkBody(s1, { ...b, deviceId: 'dd'.repeat(16) }, T0 + 2 * MINUTE));
      expect(await failure(appendDeviceLogEntry(suite, s1, address, sameKey))).toEqual({
        kind: 'bad_input',
        index: 2,
      });
    });

    it('a small-order agreement key or signing key => bad_key', async () => {
      const base = linkBody(s1, c, T0 + 2 * MINUTE);
      const badAgreement = await signed(
        { ...base, agreementKey: hexToBytes(`01${'00'.repeat(31)}`) },
        wallet,
        c,
      );
      expect(await failure(appendDeviceLogEntry(suite, s1, address, badAgreement))).toEqual({
        kind: 'bad_key',
        index: 2,
      });
      const nonCanonical = await signed(
        { ...base, agreementKey: hexToBytes(`ed${'ff'.repeat(30)}7f`) },
        wallet,
        c,
      );
      expect((await failure(appendDeviceLogEntry(suite, s1, address, nonCanonical))).kind).toBe('bad_key');
      const badSigning = await signed({ ...base, signingKey: hexToBytes(`01${'00'.repeat(31)}`) }, wallet, c);
      expect((await failure(appendDeviceLogEntry(suite, s1, address, badSigning))).kind).toBe('bad_key');
    });

    it('an 11th active device => limit; after a revoke there is room again', async () => {
      let state: DeviceLogState | undefined;
      const log: DeviceLogEntry[] = [];
      for (const [i, d] of devices.slice(0, 10).entries()) {
        const entry = await linkEntry(suite, state, wallet, d, T0 + i);
        log.push(entry);
        state = await appendDeviceLogEntry(suite, state, address, entry);
      }
      const full = state as DeviceLogState;
      expect(full.devices).toHaveLength(10);
      const eleventh = devices[10] as TestDevice;
      expect(failureSync(() => buildLinkDeviceMessage(full, address, eleventh, T0 + 10))).toBe('limit');
      const forced = await signed(linkBody(full, eleventh, T0 + 10));
      expect(await failure(verifyDeviceLog(suite, address, [...log, forced]))).toEqual({
        kind: 'limit',
        index: 10,
      });
      const revoke = await revokeEntry(full, wallet, a.deviceId, T0 + 11);
      const nine = await appendDeviceLogEntry(suite, full, address, revoke);
      const ten = await appendDeviceLogEntry(
        suite,
        nine,
        address,
        await linkEntry(suite, nine, wallet, eleventh, T0 + 12),
      );
      expect(ten.devices).toHaveLength(10);
      expect(ten.seq).toBe(11);
    });
  });

  describe('malformed entries', () => {
    it.each([
      ['an unknown property', (e: DeviceLogEntry) => ({ ...e, extra: '1' })],
      [
        'an uppercase wallet signature',
        (e: DeviceLogEntry) => ({ ...e, walletSignature: `0x${e.walletSignature.slice(2).toUpperCase()}` }),
      ],
      [
        'a short device signature',
        (e: DeviceLogEntry) => ({ ...e, deviceSignature: (e.deviceSignature ?? '').slice(2) }),
      ],
      ['a CRLF message', (e: DeviceLogEntry) => ({ ...e, message: e.message.replaceAll('\n', '\r\n') })],
      ['a trailing newline', (e: DeviceLogEntry) => ({ ...e, message: `${e.message}\n` })],
      ['a message that is not a string', (e: DeviceLogEntry) => ({ ...e, message: 7 as unknown as string })],
      ['a null entry', () => null as unknown as DeviceLogEntry],
    ])('%s => bad_input', async (_name, mutate) => {
      expect(await failure(appendDeviceLogEntry(suite, s0, address, mutate(e1)))).toEqual({
        kind: 'bad_input',
        index: 1,
      });
    });

    it('a wallet signature with v = 0 (not canonical on the wire) => forged_entry', async () => {
      const v0 = { ...e1, walletSignature: `${e1.walletSignature.slice(0, 130)}00` };
      expect(await failure(appendDeviceLogEntry(suite, s0, address, v0))).toEqual({
        kind: 'forged_entry',
        index: 1,
      });
    });

    it('an unknown format version => unsupported', async () => {
      const message = e1.message.replace('Version: 1', 'Version: 2');
      const entry = attachDeviceLogSignatures(message, await wallet.signMessage(message), e1.deviceSignature);
      expect(await failure(appendDeviceLogEntry(suite, s0, address, entry))).toEqual({
        kind: 'unsupported',
        index: 1,
      });
    });
  });
});
