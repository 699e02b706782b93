// Wallet signatures on device-log entries: EIP-191 with real ethers wallets, and the one
// canonical form (low S, v 27/28, lowercase) that keeps every entry's hash unique.
import { Signature, verifyMessage } from 'ethers';
import { describe, expect, it } from 'vitest';
import { appendDeviceLogEntry } from '../src/device-log/append';
import { attachDeviceLogSignatures, deviceLogEntryHash } from '../src/device-log/entry';
import {
  isCanonicalWalletSignature,
  normalizeWalletSignature,
  verifyWalletSignature,
} from '../src/device-log/wallet-signature';
import { isCryptoError } from '../src/errors';
import { createSuite } from '../src/primitives/suite';
import { linkEntry, T0, testDevice, testWallet } from './device-log-helpers';
import { seededRandom } from './seeded-random';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N >> 1n;

function parts(sig: string) {
  return { r: BigInt(`0x${sig.slice(2, 66)}`), s: BigInt(`0x${sig.slice(66, 130)}`), v: sig.slice(130) };
}

function sig(r: bigint, s: bigint, v: string): string {
  return `0x${r.toString(16).padStart(64, '0')}${s.toString(16).padStart(64, '0')}${v}`;
}

/** The same signature with S replaced by n - S and v flipped: valid secp256k1, but high S. */
function highS(signature: string): string {
  const { r, s, v } = parts(signature);
  return sig(r, N - s, v === '1b' ? '1c' : '1b');
}

describe('wallet signatures', async () => {
  const suite = await createSuite();
  const wallet = testWallet('wallet-sigs');
  const address = wallet.address.toLowerCase();
  const device = await testDevice(suite, seededRandom('device-log/wallet'));
  const entry = await linkEntry(suite, undefined, wallet, device, T0);
  const message = entry.message;
  const good = entry.walletSignature;

  it('verifies an ethers personal_sign signature, for the signer only', async () => {
    expect(good).toBe(await wallet.signMessage(message));
    expect(isCanonicalWalletSignature(good)).toBe(true);
    expect(verifyWalletSignature(message, good, address)).toBe(true);
    expect(verifyWalletSignature(message, good, testWallet('other').address.toLowerCase())).toBe(false);
    expect(verifyWalletSignature(`${message} `, good, address)).toBe(false);
  });

  it('refuses the high-S twin of a valid signature, in the verifier and in the log', async () => {
    const twin = highS(good);
    expect(parts(twin).s > HALF_N).toBe(true);
    expect(isCanonicalWalletSignature(twin)).toBe(false);
    expect(verifyWalletSignature(message, twin, address)).toBe(false);
    const forged = { ...entry, walletSignature: twin };
    await expect(appendDeviceLogEntry(suite, undefined, address, forged)).rejects.toMatchObject({
      kind: 'forged_entry',
      index: 0,
    });
  });

  it('checks the low-S bound itself: ethers alone lets S = n/2 + 1 through', () => {
    // ethers' Signature only checks S's top bit, which is clear for n/2 < S < 2^255.
    const { r } = parts(good);
    const justHigh = sig(r, HALF_N + 1n, '1b');
    expect(Signature.from(justHigh).s).toBe(`0x${(HALF_N + 1n).toString(16)}`);
    expect(isCanonicalWalletSignature(justHigh)).toBe(false);
    expect(isCanonicalWalletSignature(sig(r, HALF_N, '1b'))).toBe(true);
  });

  it('normalizes what a wallet may return into the one canonical form', () => {
    const { r, s, v } = parts(good);
    const vBit = v === '1b' ? '00' : '01';
    expect(normalizeWalletSignature(sig(r, s, vBit))).toBe(good);
    expect(normalizeWalletSignature(`0x${good.slice(2).toUpperCase()}`)).toBe(good);
    expect(normalizeWalletSignature(highS(good))).toBe(good);
    // The twin really is the same signature to ethers (so normalizing it loses nothing).
    expect(
      verifyMessage(
        message,
        Signature.from({
          r: `0x${r.toString(16).padStart(64, '0')}`,
          s: `0x${s.toString(16).padStart(64, '0')}`,
          v: Number.parseInt(v, 16),
        }),
      ),
    ).toBe(wallet.address);
    // attachDeviceLogSignatures normalizes, so both spellings give one entry and one hash.
    const fromTwin = attachDeviceLogSignatures(message, highS(good), entry.deviceSignature);
    expect(deviceLogEntryHash(fromTwin)).toEqual(deviceLogEntryHash(entry));
  });

  it.each([
    ['r = 0', sig(0n, 1n, '1b')],
    ['s = 0', sig(1n, 0n, '1b')],
    ['r = n', sig(N, 1n, '1b')],
    ['s = n', sig(1n, N, '1b')],
    ['v = 29', sig(1n, 1n, '1d')],
    ['64 bytes', `0x${'11'.repeat(64)}`],
    ['no 0x', '11'.repeat(65)],
    ['not hex', `0x${'zz'.repeat(65)}`],
  ])('normalizing refuses %s with bad_input', (_name, value) => {
    let kind = 'accepted';
    try {
      normalizeWalletSignature(value);
    } catch (e) {
      kind = isCryptoError(e) ? e.kind : 'other';
    }
    expect(kind).toBe('bad_input');
    expect(isCanonicalWalletSignature(value)).toBe(false);
  });
});
