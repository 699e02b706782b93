import { describe, expect, it } from 'vitest';
import { appendDeviceLogEntry } from '../src/device-log/append';
import type { DeviceLogState } from '../src/device-log/state';
import { isCryptoError } from '../src/errors';
import { bytesToHex, concatBytes, hexToBytes, lengthPrefixed, u32be } from '../src/primitives/bytes';
import { label, sha512 } from '../src/primitives/kdf';
import { createSuite } from '../src/primitives/suite';
import {
  compareSafetyQr,
  SAFETY_NUMBER_ITERATIONS,
  SAFETY_QR_LENGTH,
  safetyFingerprint,
  safetyIdentityOf,
  safetyNumber,
} from '../src/safety-number/safety-number';
import { linkEntry, MINUTE, revokeEntry, T0, testDevice, testWallet } from './device-log-helpers';
import { seededRandom } from './seeded-random';

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isCryptoError(e) ? e.kind : 'other';
  }
  return 'accepted';
}

describe('safety numbers', async () => {
  const suite = await createSuite();
  const random = seededRandom('safety-number/test');
  const alice = testWallet('alice');
  const bob = testWallet('bob');
  const [a1, a2, b1] = [
    await testDevice(suite, random),
    await testDevice(suite, random),
    await testDevice(suite, random),
  ];

  async function logOf(wallet: typeof alice, devices: (typeof a1)[]): Promise<DeviceLogState> {
    let state: DeviceLogState | undefined;
    for (const [i, d] of devices.entries()) {
      const entry = await linkEntry(suite, state, wallet, d, T0 + i * MINUTE);
      state = await appendDeviceLogEntry(suite, state, wallet.address, entry);
    }
    return state as DeviceLogState;
  }

  const aliceOne = await logOf(alice, [a1]);
  const aliceTwo = await appendDeviceLogEntry(
    suite,
    aliceOne,
    alice.address,
    await linkEntry(suite, aliceOne, alice, a2, T0 + MINUTE),
  );
  const aliceRevoked = await appendDeviceLogEntry(
    suite,
    aliceTwo,
    alice.address,
    await revokeEntry(aliceTwo, alice, a1.deviceId, T0 + 2 * MINUTE),
  );
  const bobLog = await logOf(bob, [b1]);

  it('is 60 digits in 12 groups of 5, the same on both sides', () => {
    const mine = safetyNumber(safetyIdentityOf(aliceTwo), safetyIdentityOf(bobLog));
    const theirs = safetyNumber(safetyIdentityOf(bobLog), safetyIdentityOf(aliceTwo));
    expect(mine.digits).toMatch(/^[0-9]{60}$/);
    expect(mine.groups).toHaveLength(12);
    expect(mine.groups.join('')).toBe(mine.digits);
    for (const g of mine.groups) expect(g).toMatch(/^[0-9]{5}$/);
    expect(theirs.digits).toBe(mine.digits);
    expect(theirs.qrPayload).toEqual(mine.qrPayload);
    expect(mine.qrPayload).toHaveLength(SAFETY_QR_LENGTH);
    expect(mine.qrPayload[0]).toBe(1);
    expect(compareSafetyQr(mine.qrPayload, theirs.qrPayload)).toBe(true);
  });

  it('changes when a device is linked or revoked, on either side', () => {
    const numbers = [aliceOne, aliceTwo, aliceRevoked].map((s) =>
      safetyNumber(safetyIdentityOf(s), safetyIdentityOf(bobLog)),
    );
    expect(new Set(numbers.map((n) => n.digits)).size).toBe(3);
    expect(
      compareSafetyQr(numbers[0]?.qrPayload ?? new Uint8Array(), numbers[1]?.qrPayload ?? new Uint8Array()),
    ).toBe(false);
    expect(
      compareSafetyQr(numbers[1]?.qrPayload ?? new Uint8Array(), numbers[2]?.qrPayload ?? new Uint8Array()),
    ).toBe(false);
    // Bob's half stays put: only Alice's 30 digits move.
    const bobHash = bytesToHex(safetyFingerprint(safetyIdentityOf(bobLog)).subarray(0, 32));
    for (const n of numbers) {
      const halves = [bytesToHex(n.qrPayload.subarray(1, 33)), bytesToHex(n.qrPayload.subarray(33))];
      expect(halves).toContain(bobHash);
    }
  });

  it('does not depend on the order of device keys, or on address case', () => {
    const keys = aliceTwo.devices.map((d) => d.signingKey);
    const forward = safetyNumber({ address: alice.address, signingKeys: keys }, safetyIdentityOf(bobLog));
    const backward = safetyNumber(
      { address: alice.address.toLowerCase(), signingKeys: [...keys].reverse() },
      safetyIdentityOf(bobLog),
    );
    expect(backward.digits).toBe(forward.digits);
    expect(backward.qrPayload).toEqual(forward.qrPayload);
  });

  it('binds the address: the same keys under another account give another number', () => {
    const keys = safetyIdentityOf(aliceOne).signingKeys;
    const x = safetyNumber({ address: alice.address, signingKeys: keys }, safetyIdentityOf(bobLog));
    const y = safetyNumber(
      { address: testWallet('carol').address, signingKeys: keys },
      safetyIdentityOf(bobLog),
    );
    expect(y.digits).not.toBe(x.digits);
  });

  it('computes the documented construction', () => {
    // An independent rendering of docs/protocol/08-safety-numbers.md for one device.
    const key = aliceOne.devices[0]?.signingKey ?? new Uint8Array();
    const block = concatBytes(u32be(1), key);
    let h = lengthPrefixed(
      label('safety-number'),
      new Uint8Array([1]),
      hexToBytes(alice.address.slice(2)),
      block,
    );
    for (let i = 0; i < 5200; i++) h = sha512(concatBytes(h, block));
    expect(SAFETY_NUMBER_ITERATIONS).toBe(5200);
    expect(safetyFingerprint(safetyIdentityOf(aliceOne))).toEqual(h);
    let half = '';
    for (let i = 0; i < 30; i += 5) {
      const chunk = h.subarray(i, i + 5).reduce((n, b) => n * 256n + BigInt(b), 0n);
      half += (chunk % 100000n).toString().padStart(5, '0');
    }
    const n = safetyNumber(safetyIdentityOf(aliceOne), safetyIdentityOf(bobLog));
    expect(n.digits.startsWith(half) || n.digits.endsWith(half)).toBe(true);
  });

  it('compareSafetyQr refuses a wrong-size code (bad_input) and another version (unsupported)', () => {
    const { qrPayload } = safetyNumber(safetyIdentityOf(aliceOne), safetyIdentityOf(bobLog));
    const flipped = new Uint8Array(qrPayload);
    flipped[40] = (flipped[40] as number) ^ 1;
    expect(compareSafetyQr(qrPayload, flipped)).toBe(false);
    expect(kindOf(() => compareSafetyQr(qrPayload, qrPayload.subarray(1)))).toBe('bad_input');
    const v2 = new Uint8Array(qrPayload);
    v2[0] = 2;
    expect(kindOf(() => compareSafetyQr(qrPayload, v2))).toBe('unsupported');
  });

  it('refuses bad identities with bad_input', () => {
    const key = a1.signingKey;
    const bobId = safetyIdentityOf(bobLog);
    for (const bad of [
      { address: alice.address, signingKeys: [] },
      { address: alice.address, signingKeys: [key, key] },
      { address: alice.address, signingKeys: [key.subarray(1)] },
      {
        address: alice.address,
        signingKeys: Array.from({ length: 11 }, (_, i) => new Uint8Array(32).fill(i)),
      },
      { address: 'alice', signingKeys: [key] },
    ]) {
      expect(kindOf(() => safetyNumber(bad, bobId))).toBe('bad_input');
    }
  });
});
